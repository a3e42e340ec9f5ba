"""The first-start page that creates a vault and the lock page that opens it."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.tasks import Task
from app.texts import vault_error_text
from vault.errors import VaultError, WrongPassphrase
from vault.passphrase import MIN_PASSPHRASE_LENGTH, passphrase_problem
from vault.store import Vault


def passphrase_strength(passphrase: str) -> int:
    """0 (too short) .. 3 (strong): length plus variety of character classes; a hint, not a guarantee."""
    if passphrase_problem(passphrase) is not None:  # the rule the CLI applies too
        return 0
    classes = sum(
        any(test(c) for c in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isascii() or not c.isalnum())
    )
    score = 1 + (len(passphrase) >= 12) + (classes >= 3)
    return min(score, 3)


class _Card(QWidget):
    """A narrow centred column, so the forms do not stretch across a wide window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        self.body = QWidget()
        self.body.setMaximumWidth(520)
        self.column = QVBoxLayout(self.body)
        outer.addStretch()
        outer.addWidget(self.body)
        outer.addStretch()


def _open_in_background(page: QWidget, work: Callable[[], Vault], opened: Callable[[Vault], None],
                        failed: Callable[[Exception], None]) -> Task:
    """Run the key derivation (about a second by design) off the GUI thread: the window keeps
    painting; the page takes no input and shows a wait cursor until the result is back."""
    page.setEnabled(False)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def ready() -> None:  # before the handler, so it can focus and select in the page again
        QGuiApplication.restoreOverrideCursor()
        page.setEnabled(True)

    task = Task(lambda progress, cancelled: work(), page)
    task.succeeded.connect(lambda vault: (ready(), opened(vault)))
    task.failed.connect(lambda error: (ready(), failed(error)))
    return task.start()


class CreatePage(_Card):
    """Location, passphrase twice, strength hint and the no-recovery warning."""

    created = Signal(object, object)  # Vault, Path

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Create your evidence vault"))
        title.setObjectName("pageTitle")
        intro = QLabel(self.tr(
            "Everything you add is kept in one encrypted file on this computer. Nothing is uploaded."
        ))
        intro.setWordWrap(True)
        self.location = QLineEdit(str(path))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        location_row = QHBoxLayout()
        location_row.addWidget(self.location)
        location_row.addWidget(browse)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="passphrase")
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="repeat")
        self.strength = QLabel()
        self.passphrase.textChanged.connect(self._show_strength)
        warning = QLabel(self.tr(
            "Write the passphrase down and keep it safe. If you lose it, nobody can open the vault "
            "or recover the evidence in it — not even the makers of this program."
        ))
        warning.setWordWrap(True)
        warning.setObjectName("warning")
        self.error = QLabel(objectName="error")
        self.error.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Create vault"), objectName="create")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create)
        self.repeat.returnPressed.connect(self.create)

        form = QFormLayout()
        form.addRow(self.tr("Location"), location_row)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat passphrase"), self.repeat)
        form.addRow("", self.strength)
        self.column.addStretch()
        for widget in (title, intro):
            self.column.addWidget(widget)
        self.column.addLayout(form)
        for widget in (warning, self.error, self.create_button):
            self.column.addWidget(widget)
        self.column.addStretch()
        self._show_strength("")

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Vault file"), self.location.text(), self.tr("Evidence vault (*.evault)")
        )
        if chosen:
            self.location.setText(chosen)

    def _show_strength(self, text: str) -> None:
        words = [
            self.tr("Too short: use at least %n characters.", "", MIN_PASSPHRASE_LENGTH),
            self.tr("Weak: longer, with digits and symbols, is better."),
            self.tr("Fair."),
            self.tr("Strong."),
        ]
        self.strength.setText(words[passphrase_strength(text)])

    def create(self) -> None:
        passphrase = self.passphrase.text()
        path = Path(self.location.text()).expanduser()
        if passphrase_strength(passphrase) == 0:
            self.error.setText(self.tr("The passphrase is too short."))
        elif passphrase != self.repeat.text():
            self.error.setText(self.tr("The two passphrases differ. Type them again."))
        elif path.exists():
            self.error.setText(self.tr("A file already exists there. Choose another location."))
        else:
            def create() -> Vault:
                path.parent.mkdir(parents=True, exist_ok=True)
                return Vault.create(path, passphrase)

            _open_in_background(self, create, lambda vault: self._created(vault, path), self._create_failed)

    def _created(self, vault: Vault, path: Path) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.error.clear()
        self.created.emit(vault, path)

    def _create_failed(self, error: Exception) -> None:
        if not isinstance(error, (VaultError, OSError)):
            raise error
        self.error.setText(self.tr("The vault could not be created: %1").replace("%1", str(error)))


class UnlockPage(_Card):
    """Shown at start and after locking; a wrong passphrase says so and keeps the page open."""

    unlocked = Signal(object)  # Vault

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        title = QLabel(self.tr("The vault is locked"))
        title.setObjectName("pageTitle")
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="passphrase")
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.unlock)
        self.error = QLabel(objectName="error")
        self.error.setWordWrap(True)
        self.unlock_button = QPushButton(self.tr("Unlock"), objectName="unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.column.addStretch()
        for widget in (title, self.where, self.passphrase, self.error, self.unlock_button):
            self.column.addWidget(widget)
        self.column.addStretch()
        self.set_path(path)

    def set_path(self, path: Path) -> None:
        self.path = path
        self.where.setText(self.tr("Vault file: %1").replace("%1", str(path)))

    def unlock(self) -> None:
        path, passphrase = self.path, self.passphrase.text()
        self.error.setText(self.tr("Unlocking…"))
        _open_in_background(self, lambda: Vault.open(path, passphrase), self._opened, self._open_failed)

    def _opened(self, vault: Vault) -> None:
        self.passphrase.clear()
        self.error.clear()
        self.unlocked.emit(vault)

    def _open_failed(self, error: Exception) -> None:
        if isinstance(error, WrongPassphrase):
            self.error.setText(self.tr("Wrong passphrase. Check the keyboard layout and try again."))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        elif isinstance(error, VaultError):
            self.error.setText(self.tr("The vault cannot be opened: %1").replace("%1", vault_error_text(error)))
        elif isinstance(error, ValueError):
            self.error.setText(self.tr("The vault cannot be opened: %1").replace("%1", str(error)))
        else:
            raise error

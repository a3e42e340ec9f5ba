"""The main window: the create, unlock and workspace pages, the toolbar, the status bar, and their wiring.

The open vault belongs to the window's `VaultSession`; what the workspace shows and what the vault
actions do live in app/workspace.py and app/vaultactions.py.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QStackedWidget, QToolBar

from app import settings
from app.dialogs import SettingsDialog
from app.i18n import install_language
from app.importer import ImportPanel
from app.session import VaultSession
from app.unlock import CreatePage, UnlockPage
from app.vaultactions import VaultActions
from app.watcher import ChangeWatcher
from app.workspace import Workspace
from ocr.records.chats import read_chat_text
from vault.store import Vault

PREFERRED_SIZE = QSize(1360, 860)
FRAME_ALLOWANCE = QSize(16, 40)
"""Room for the window manager's title bar and borders, which the window's own size leaves out."""


class MainWindow(QMainWindow):
    replaced = Signal(object)
    """After a language change, this new MainWindow took over the open vault; this one closed."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        # One name: Qt appends the application's display name to a window title that differs from it.
        QGuiApplication.setApplicationDisplayName(self.tr("Evidence Vault"))
        self.setWindowTitle(QGuiApplication.applicationDisplayName())
        self.setAcceptDrops(True)
        self.fit_to_screen()
        self._remembered_case_id: int | None = None
        self.session = VaultSession(self)
        self.session.opened.connect(self._opened)
        self.session.closing.connect(self._closing)
        self.session.locked.connect(self._show_locked)
        self.session.failed.connect(lambda text: self.operations.tell(self.tr("Evidence Vault"), text,
                                                                   QMessageBox.Icon.Warning))

        self.create_page = CreatePage(path)
        self.create_page.created.connect(self._created)
        self.unlock_page = UnlockPage(path)
        self.unlock_page.unlocked.connect(self.open_vault)
        self.workspace = Workspace(self.session)
        self.workspace.add_files.clicked.connect(self.choose_files)
        self.refreshed = self.workspace.refreshed
        self.pages = QStackedWidget()
        for page in (self.create_page, self.unlock_page, self.workspace):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.watcher = ChangeWatcher(self.session, self)
        self.watcher.changed.connect(self.workspace.reload_after_outside_change)
        self.operations = VaultActions(self, self.session, self.workspace)
        self.operations.rekeying.connect(self._rekeying)
        self.backed_up = self.operations.backed_up
        self._toolbar()
        self.import_panel = ImportPanel()
        self.import_panel.items_changed.connect(self.workspace.refresh)
        self.statusBar().addPermanentWidget(self.import_panel, 1)
        self._show_locked()

    def fit_to_screen(self) -> None:
        """The preferred size where the screen allows, else the screen's free area (a 1366×768 laptop)."""
        available = self.screen().availableGeometry()
        self.resize(min(PREFERRED_SIZE.width(), available.width() - FRAME_ALLOWANCE.width()),
                    min(PREFERRED_SIZE.height(), available.height() - FRAME_ALLOWANCE.height()))
        frame = self.frameGeometry()
        frame.moveCenter(available.center())
        self.move(frame.topLeft().x(), max(available.top(), frame.topLeft().y()))

    def _toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main"), objectName="mainToolbar", movable=False)
        self.addToolBar(toolbar)
        self.vault_actions: list[QAction] = []
        for text, shortcut, slot, name, always in (
            (self.tr("Add files…"), QKeySequence.StandardKey.Open, self.choose_files, "ChooseFiles", False),
            (self.tr("Paste"), QKeySequence.StandardKey.Paste, self.paste, "Paste", False),
            (self.tr("Export dossier…"), QKeySequence("Ctrl+E"), self.operations.export, "Export", False),
            (self.tr("Delete item…"), QKeySequence(), self.operations.delete_item, "DeleteItem", False),
            (self.tr("Item history…"), QKeySequence(), self.operations.show_history, "ShowHistory", False),
            (self.tr("Verify vault"), QKeySequence(), self.operations.verify, "Verify", False),
            (self.tr("Back up vault…"), QKeySequence(), self.operations.backup, "Backup", False),
            (self.tr("Change passphrase…"), QKeySequence(),
             lambda: self.operations.change_passphrase(self.import_panel.busy()), "ChangePassphrase", False),
            (self.tr("Check a dossier…"), QKeySequence(), self.check_dossier, "CheckDossier", True),
            (self.tr("Settings…"), QKeySequence.StandardKey.Preferences, self.open_settings, "OpenSettings", True),
            (self.tr("Lock now"), QKeySequence("Ctrl+L"), self.lock, "Lock", False),
        ):
            action = QAction(text, self, shortcut=shortcut, objectName=f"action{name}")
            action.triggered.connect(slot)
            toolbar.addAction(action)
            if not always:
                self.vault_actions.append(action)
        self.lock_action = self.vault_actions[-1]
        self.paste_action = self.vault_actions[1]

    # --- vault lifecycle -------------------------------------------------------------------

    @property
    def vault(self) -> Vault | None:
        return self.session.vault

    def _enable_vault_actions(self, enabled: bool) -> None:
        for action in self.vault_actions:
            action.setEnabled(enabled)

    def _show_locked(self) -> None:
        exists = self.path.exists()
        self.pages.setCurrentWidget(self.unlock_page if exists else self.create_page)
        self._enable_vault_actions(False)
        (self.unlock_page.passphrase if exists else self.create_page.passphrase).setFocus()

    def _created(self, vault: Vault, path: Path) -> None:
        self.path = path
        self.unlock_page.set_path(path)
        self.session.open(vault)
        self.workspace.with_case(lambda case_id: None)  # so evidence can be dropped at once; renamed in Details…

    def open_vault(self, vault: Vault, case_id: int | None = None) -> None:
        """Open the vault on the given case, else the one chosen before the last lock."""
        self.session.open(vault)
        self.workspace.reload_cases(select=case_id if case_id is not None else self._remembered_case_id)

    def _opened(self) -> None:
        self.pages.setCurrentWidget(self.workspace)
        self._enable_vault_actions(True)
        self.apply_settings()

    def _closing(self) -> None:
        """Stop the import and close every other window: dialogs show evidence or case details.

        The chosen case's id is kept (a number, nothing decrypted), so unlocking returns to it.
        """
        self._remembered_case_id = self.workspace.current_case_id()
        self.import_panel.cancel()
        self.import_panel.close_workers()
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and widget.isWindow():
                widget.close()

    def _rekeying(self, busy: bool) -> None:
        """While the vault is re-encrypted nothing may touch it; after a failure the session is locked."""
        self.pages.setEnabled(not busy)
        self._enable_vault_actions(not busy and self.session.is_open)

    def lock(self) -> None:
        """Close the vault and drop every decrypted image, thumbnail and text from memory and screen."""
        self.session.lock()

    def switch_language(self, language: str) -> MainWindow | None:
        """Rebuild the window in `language` and hand it the open vault, so no unlock is needed.

        Widgets take their texts when they are built, so a new window is simpler and surer than
        retranslating each one. While background work runs, the change waits for a restart instead.
        """
        if QThreadPool.globalInstance().activeThreadCount() or self.session.writer.activeThreadCount():
            self.operations.tell(self.tr("Language"), self.tr("Background work is running; the new language applies "
                                                           "the next time Evidence Vault starts."))
            return None
        case_id = self.workspace.current_case_id()
        install_language(language)
        replacement = MainWindow(self.path)
        replacement.setGeometry(self.geometry())
        vault = self.session.release()
        if vault is not None:
            replacement.open_vault(vault, case_id)
        replacement.show()
        self.replaced.emit(replacement)
        self.close()
        return replacement

    def apply_settings(self) -> None:
        self.session.idle.set_timeout_ms(settings.AUTO_LOCK_MINUTES.get() * 60_000)

    def changeEvent(self, event: QEvent) -> None:
        """Coming back to the window (after using the CLI, say) looks for changes at once."""
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self.session.is_open:
            self.watcher.check()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()
        self.import_panel.close_workers()  # also when the vault went on to a window in another language
        super().closeEvent(event)

    def check_dossier(self) -> None:
        """核验证据材料…: works locked too, for someone who only received a dossier."""
        from app.checkdialog import CheckDossierDialog  # loads pyHanko: only when asked

        dialog = CheckDossierDialog("en" if settings.LANGUAGE.get() == "en" else "zh", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        language = settings.LANGUAGE.get()
        dialog.accepted.connect(lambda: self._settings_accepted(language))
        dialog.open()

    def _settings_accepted(self, language_before: str) -> None:
        self.apply_settings()
        if settings.LANGUAGE.get() != language_before:
            self.switch_language(settings.LANGUAGE.get())

    # --- import ----------------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        if paths and self.session.is_open:
            self.workspace.with_case(lambda case_id: self._import_files(case_id, paths))

    def _import_files(self, case_id: int, paths: list[Path]) -> None:
        if self.session.vault is not None:
            self.import_panel.import_files(self.session.vault, case_id, paths)

    def import_image(self, image: QImage, name_pattern: str) -> None:
        """The image as a PNG named by the time it came, e.g. clipboard-20260214-221535.png."""
        if not self.session.is_open:
            return
        data, name = _png_bytes(image), datetime.now().strftime(name_pattern)
        self.workspace.with_case(lambda case_id: self._import_bytes(case_id, data, name))

    def _import_bytes(self, case_id: int, data: bytes, name: str) -> None:
        if self.session.vault is not None:
            self.import_panel.import_bytes(self.session.vault, case_id, data, name)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add evidence"), str(Path.home()),
            self.tr("Evidence (*.png *.jpg *.jpeg *.webp *.heic *.heif *.pdf *.ofd *.xml *.csv *.xlsx *.zip *.txt);;All files (*)"),
        )
        self.import_paths([Path(name) for name in names])

    def paste(self) -> None:
        """An image on the clipboard becomes evidence as a PNG, chat messages copied from a chat window as a
        chat log (UTF-8 text, its messages as records); copied files are imported as files."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime.hasUrls() and any(url.isLocalFile() for url in mime.urls()):
            self.import_paths([Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()])
            return
        image = QGuiApplication.clipboard().image()
        if not image.isNull():
            self.import_image(image, "clipboard-%Y%m%d-%H%M%S.png")
        elif mime.hasText() and read_chat_text(mime.text()) is not None:
            data, name = mime.text().encode("utf-8"), datetime.now().strftime("clipboard-chat-%Y%m%d-%H%M%S.txt")
            self.workspace.with_case(lambda case_id: self._import_bytes(case_id, data, name))
        else:
            self.statusBar().showMessage(self.tr(
                "The clipboard holds no image and no chat messages (copied messages start with a line such as "
                "“客服小美 2024-03-05 14:03”)."), 8000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if self.session.is_open and (mime.hasUrls() or mime.hasImage()):
            event.acceptProposedAction()
            paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
            if paths:
                self.import_panel.prepare_for(paths)

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.session.is_open:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        if paths:
            self.import_paths(paths)
        elif mime.hasImage():
            self.import_image(QImage(mime.imageData()), "dropped-%Y%m%d-%H%M%S.png")
        event.acceptProposedAction()


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())

"""The main window: unlock, cases, evidence grid/table/timeline, detail, import, search, lock."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (QBuffer, QByteArray, QDate, QEvent, QIODevice, QModelIndex, QObject, QSize, Qt,
                            QThreadPool, QTimer, Signal)
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.detail import DetailPane
from app.dialogs import CaseDialog, SettingsDialog
from app.i18n import install_language
from app.importer import ImportPanel
from app.labels import kind_choices, vault_error_text
from app.models import CaseListModel, Column, EvidenceFilter, EvidenceModel, Roles, TimelineModel
from app.tasks import Task, wait_for_all
from app.unlock import CreatePage, UnlockPage
from app.vaultdialogs import AuditDialog, BackupDialog, ChangePassphraseDialog
from vault import maintenance
from vault.store import Vault
from vault.verify import verify

LOCK_WAIT_MS = 30_000
"""How long locking waits for background work to stop before closing the vault anyway."""


class IdleWatcher(QObject):
    """Fires `idle` after the given time without keyboard or mouse input anywhere in the app."""

    idle = Signal()
    INPUT_EVENTS = {
        QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.idle)
        QApplication.instance().installEventFilter(self)

    def set_timeout_ms(self, ms: int) -> None:
        """0 disables auto-lock."""
        self.timer.setInterval(ms)
        self.timer.stop() if ms <= 0 else self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.INPUT_EVENTS and self.timer.interval() > 0:
            self.timer.start()
        return False


class MainWindow(QMainWindow):
    refreshed = Signal()
    """The evidence model holds the vault's current items (after an asynchronous reload)."""
    backed_up = Signal(str)
    """An encrypted backup has been written to this file."""
    replaced = Signal(object)
    """After a language change, this new MainWindow took over the open vault; this one closed."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.vault: Vault | None = None
        self.setWindowTitle(self.tr("Evidence Vault"))
        self.setAcceptDrops(True)
        self.resize(1360, 860)
        self._refresh_generation = 0

        self.cases = CaseListModel(self)
        self.evidence = EvidenceModel(self)
        self.proxy = EvidenceFilter(self)
        self.proxy.setSourceModel(self.evidence)
        self.timeline = TimelineModel(self.evidence, self)

        self.create_page = CreatePage(path)
        self.create_page.created.connect(self._created)
        self.unlock_page = UnlockPage(path)
        self.unlock_page.unlocked.connect(self.open_vault)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.create_page)
        self.pages.addWidget(self.unlock_page)
        self.pages.addWidget(self._workspace())
        self.setCentralWidget(self.pages)
        self._actions()
        self.import_panel = ImportPanel()
        self.import_panel.items_changed.connect(self.refresh)
        self.statusBar().addPermanentWidget(self.import_panel, 1)
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        self._show_locked()

    # --- layout ----------------------------------------------------------------------------

    def _workspace(self) -> QWidget:
        self.case_view = QListView(objectName="cases")
        self.case_view.setModel(self.cases)
        self.case_view.selectionModel().currentChanged.connect(self._case_selected)
        new_case = QPushButton(self.tr("New case…"), objectName="newCase")
        new_case.clicked.connect(self.new_case)
        details = QPushButton(self.tr("Details…"))
        details.clicked.connect(self.edit_case)
        case_buttons = QHBoxLayout()
        case_buttons.addWidget(new_case)
        case_buttons.addWidget(details)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Cases")))
        left_layout.addWidget(self.case_view)
        left_layout.addLayout(case_buttons)

        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Search order number, text or note…"))
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("0" * 20))  # an order number fits
        self.search.textChanged.connect(self.apply_search)
        self.kind_filter = QComboBox(objectName="kindFilter")
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind, label in kind_choices():
            self.kind_filter.addItem(label, kind)
        self.kind_filter.currentIndexChanged.connect(lambda: self.proxy.set_kind(self.kind_filter.currentData()))
        self.date_filter = QCheckBox(self.tr("Formed between"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-3), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_to = QDateEdit(today, calendarPopup=True, displayFormat="yyyy-MM-dd")
        for widget in (self.date_filter, self.date_from, self.date_to):
            (widget.toggled if widget is self.date_filter else widget.dateChanged).connect(self._apply_dates)
        add_files = QPushButton(self.tr("Add files…"), objectName="addFiles")
        add_files.clicked.connect(self.choose_files)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.date_filter)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.date_to)
        filters.addWidget(add_files)

        self.grid = QListView(objectName="grid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setModel(self.proxy)
        self.grid.setModelColumn(Column.NAME)
        self.grid.setIconSize(QSize(150, 150))
        self.grid.setGridSize(QSize(180, 200))
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setUniformItemSizes(True)
        self.grid.setWordWrap(True)
        self.table = QTableView(objectName="table")
        self.table.setModel(self.proxy)
        self.table.setSelectionModel(self.grid.selectionModel())
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.FORMED_AT, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setIconSize(QSize(28, 28))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in Column:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline_view = QListView(objectName="timeline")
        self.timeline_view.setModel(self.timeline)
        self.timeline_view.setAlternatingRowColors(True)
        self.timeline_view.clicked.connect(lambda index: self.open_item(index.data(Roles.ITEM_ID)))
        self.views = QTabWidget()
        self.views.addTab(self.grid, self.tr("Thumbnails"))
        self.views.addTab(self.table, self.tr("Table"))
        self.views.addTab(self.timeline_view, self.tr("Timeline"))
        self.empty_hint = QLabel(self.tr(
            "Drop screenshots, PDFs or folders here, paste an image with Ctrl+V, or use “Add files…”."
        ))
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid.selectionModel().currentChanged.connect(self._evidence_selected)
        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addLayout(filters)
        center_layout.addWidget(self.views, 1)
        center_layout.addWidget(self.empty_hint)

        self.detail = DetailPane()
        self.detail.item_changed.connect(self.refresh_item)
        splitter = QSplitter()
        for widget, stretch in ((left, 0), (center, 3), (self.detail, 2)):
            splitter.addWidget(widget)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        splitter.setSizes([200, 640, 520])
        return splitter

    def _actions(self) -> None:
        toolbar = QToolBar(self.tr("Main"), objectName="mainToolbar", movable=False)
        self.addToolBar(toolbar)
        self.vault_actions: list[QAction] = []
        for text, shortcut, slot, always in (
            (self.tr("Add files…"), QKeySequence.StandardKey.Open, self.choose_files, False),
            (self.tr("Paste image"), QKeySequence.StandardKey.Paste, self.paste, False),
            (self.tr("Export dossier…"), QKeySequence("Ctrl+E"), self.export, False),
            (self.tr("Delete item…"), QKeySequence(), self.delete_item, False),
            (self.tr("Item history…"), QKeySequence(), self.show_history, False),
            (self.tr("Verify vault"), QKeySequence(), self.verify, False),
            (self.tr("Back up vault…"), QKeySequence(), self.backup, False),
            (self.tr("Change passphrase…"), QKeySequence(), self.change_passphrase, False),
            (self.tr("Settings…"), QKeySequence.StandardKey.Preferences, self.open_settings, True),
            (self.tr("Lock now"), QKeySequence("Ctrl+L"), self.lock, False),
        ):
            action = QAction(text, self, shortcut=shortcut, objectName=f"action{slot.__name__.title().replace('_', '')}")
            action.triggered.connect(slot)
            toolbar.addAction(action)
            if not always:
                self.vault_actions.append(action)
        self.lock_action = self.vault_actions[-1]
        self.paste_action = self.vault_actions[1]

    # --- vault lifecycle -------------------------------------------------------------------

    def _show_locked(self) -> None:
        exists = self.path.exists()
        self.pages.setCurrentWidget(self.unlock_page if exists else self.create_page)
        for action in self.vault_actions:
            action.setEnabled(False)
        (self.unlock_page.passphrase if exists else self.create_page.passphrase).setFocus()

    def _created(self, vault: Vault, path: Path) -> None:
        self.path = path
        self.unlock_page.set_path(path)
        vault.add_case(self.tr("My case"))  # so evidence can be dropped at once; renamed in Details…
        self.open_vault(vault)

    def open_vault(self, vault: Vault) -> None:
        self.vault = vault
        self.evidence.set_thumbnail_loader(vault.thumbnail)
        self.detail.set_vault(vault)
        self.pages.setCurrentIndex(2)
        for action in self.vault_actions:
            action.setEnabled(True)
        self.apply_settings()
        self.reload_cases()

    def lock(self) -> None:
        """Close the vault and drop every decrypted image, thumbnail and text from memory and screen."""
        vault = self._release_vault()
        if vault is not None:
            vault.close()
            self._show_locked()

    def _release_vault(self) -> Vault | None:
        """Stop work on the vault and forget everything shown from it; the caller owns the vault."""
        vault = self.vault
        if vault is None:
            return None
        self.import_panel.cancel()
        self._refresh_generation += 1
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and widget.isWindow():
                widget.close()  # dialogs showing evidence or case details
        wait_for_all(LOCK_WAIT_MS)
        self.vault = None
        self.search.clear()
        self.cases.set_cases([])
        self.evidence.clear()
        self.evidence.set_thumbnail_loader(None)
        self.detail.set_vault(None)
        return vault

    def switch_language(self, language: str) -> MainWindow | None:
        """Rebuild the window in `language` and hand it the open vault, so no unlock is needed.

        Widgets take their texts when they are built, so a new window is simpler and surer than
        retranslating each one. While background work runs, the change waits for a restart instead.
        """
        if QThreadPool.globalInstance().activeThreadCount():
            self._tell(self.tr("Language"), self.tr("Background work is running; the new language applies "
                                                    "the next time Evidence Vault starts."))
            return None
        case_id = self.current_case_id()
        install_language(language)
        replacement = MainWindow(self.path)
        replacement.setGeometry(self.geometry())
        vault = self._release_vault()
        if vault is not None:
            replacement.open_vault(vault)
            replacement.reload_cases(select=case_id)
        replacement.show()
        self.replaced.emit(replacement)
        self.close()
        return replacement

    def apply_settings(self) -> None:
        self.idle.set_timeout_ms(settings.AUTO_LOCK_MINUTES.get() * 60_000)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()
        super().closeEvent(event)

    # --- cases -----------------------------------------------------------------------------

    def current_case_id(self) -> int | None:
        index = self.case_view.currentIndex()
        return index.data(Roles.CASE_ID) if index.isValid() else None

    def reload_cases(self, select: int | None = None) -> None:
        assert self.vault is not None
        select = select if select is not None else self.current_case_id()
        self.cases.set_cases(self.vault.cases())
        row = max(0, self.cases.row_of(select)) if select is not None else 0
        if self.cases.rowCount():
            self.case_view.setCurrentIndex(self.cases.index(row))
        else:
            self._case_selected(QModelIndex())

    def new_case(self) -> None:
        dialog = CaseDialog(None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.inputs["title"].setText(self.tr("My case"))
        dialog.accepted.connect(lambda: self._add_case(dialog.values()))
        dialog.open()

    def _add_case(self, values: dict[str, str]) -> None:
        if self.vault is not None:
            case_id = self.vault.add_case(values.pop("title"), **values)
            self.reload_cases(select=case_id)

    def edit_case(self) -> None:
        case_id = self.current_case_id()
        if case_id is None or self.vault is None:
            return
        dialog = CaseDialog(self.vault.case(case_id), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._update_case(case_id, dialog.values()))
        dialog.open()

    def _update_case(self, case_id: int, values: dict[str, str]) -> None:
        if self.vault is not None:
            old = self.vault.case(case_id)
            self.vault.update_case(case_id, **{k: v for k, v in values.items() if getattr(old, k) != v})
            self.reload_cases(select=case_id)

    def _case_selected(self, index: QModelIndex) -> None:
        self.evidence.clear()
        self.detail.clear()
        self.search.clear()
        self.refresh()

    # --- evidence --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the case's items with fields in the background; stale reloads are dropped."""
        case_id = self.current_case_id()
        self._refresh_generation += 1
        generation = self._refresh_generation
        vault = self.vault
        if vault is None or case_id is None:
            self._update_empty_hint()
            self.refreshed.emit()
            return
        task = Task(lambda progress, cancelled: vault.items_with_fields(case_id))
        task.succeeded.connect(lambda items: self._loaded(generation, items))
        task.start()

    def _loaded(self, generation: int, items: list) -> None:
        if generation != self._refresh_generation:
            return
        self.evidence.set_items(items)
        self.apply_search(self.search.text())
        self._update_empty_hint()
        self.refreshed.emit()

    def refresh_item(self, item_id: int) -> None:
        if self.vault is None:
            return
        items = self.evidence.items()
        self.evidence.set_items([self.vault.item(item_id) if i.id == item_id else i for i in items])

    def _update_empty_hint(self) -> None:
        self.empty_hint.setVisible(self.evidence.rowCount() == 0)

    def _evidence_selected(self, index: QModelIndex) -> None:
        if index.isValid():
            self.detail.show_item(index.data(Roles.ITEM_ID))

    def open_item(self, item_id: int) -> None:
        """Select the exhibit in the grid and table and show it in the detail pane."""
        row = self.evidence.row_of(item_id)
        if row < 0:
            return
        proxy_index = self.proxy.mapFromSource(self.evidence.index(row, Column.NAME))
        if proxy_index.isValid():
            self.grid.setCurrentIndex(proxy_index)
        else:
            self.detail.show_item(item_id)

    def apply_search(self, text: str) -> None:
        """Digits of an order number narrow the list with each key; words search OCR text and notes."""
        if self.vault is None or not text.strip():
            self.proxy.set_matching_ids(None)
            return
        self.proxy.set_matching_ids(self.vault.search_ids(text))

    def _apply_dates(self) -> None:
        if self.date_filter.isChecked():
            self.proxy.set_date_range(self.date_from.date().toString("yyyy-MM-dd"),
                                      self.date_to.date().toString("yyyy-MM-dd"))
        else:
            self.proxy.set_date_range("", "")

    # --- import ----------------------------------------------------------------------------

    def _case_for_import(self) -> int | None:
        if self.current_case_id() is None and self.vault is not None:
            self.reload_cases(select=self.vault.add_case(self.tr("My case")))
        return self.current_case_id()

    def import_paths(self, paths: list[Path]) -> None:
        case_id = self._case_for_import()
        if self.vault is not None and case_id is not None and paths:
            self.import_panel.import_files(self.vault, case_id, paths)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add evidence"), str(Path.home()),
            self.tr("Screenshots and PDFs (*.png *.jpg *.jpeg *.webp *.heic *.heif *.pdf);;All files (*)"),
        )
        self.import_paths([Path(name) for name in names])

    def paste(self) -> None:
        """An image on the clipboard becomes evidence as a PNG; copied files are imported as files."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime.hasUrls() and any(url.isLocalFile() for url in mime.urls()):
            self.import_paths([Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()])
            return
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            self.statusBar().showMessage(self.tr("The clipboard holds no image."), 5000)
            return
        case_id = self._case_for_import()
        if self.vault is None or case_id is None:
            return
        name = datetime.now().strftime("clipboard-%Y%m%d-%H%M%S.png")
        self.import_panel.import_bytes(self.vault, case_id, _png_bytes(image), name)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.vault is not None and (event.mimeData().hasUrls() or event.mimeData().hasImage()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.vault is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        if paths:
            self.import_paths(paths)
        elif mime.hasImage():
            case_id = self._case_for_import()
            if self.vault is not None and case_id is not None:
                name = datetime.now().strftime("dropped-%Y%m%d-%H%M%S.png")
                self.import_panel.import_bytes(self.vault, case_id, _png_bytes(QImage(mime.imageData())), name)
        event.acceptProposedAction()

    # --- tools -----------------------------------------------------------------------------

    def export(self) -> None:
        from app.exportdialog import ExportDialog

        case_id = self.current_case_id()
        if self.vault is None or case_id is None:
            return
        ExportDialog(self.vault, case_id, self).open()

    def verify(self) -> None:
        if self.vault is None:
            return
        vault = self.vault
        self.statusBar().showMessage(self.tr("Checking every original and the audit log…"))
        task = Task(lambda progress, cancelled: verify(vault))
        task.succeeded.connect(self._verified)
        task.failed.connect(lambda e: self._verified([vault_error_text(e)]))
        task.start()

    def _verified(self, problems: list) -> None:
        self.statusBar().clearMessage()
        if not problems:
            text = self.tr("The vault is intact: every original matches its fingerprint and the log is unbroken.")
        else:
            listed = "\n".join(f"• {p.where}: {p.message}" if hasattr(p, "where") else f"• {p}" for p in problems[:20])
            text = self.tr("Problems were found. Keep a backup and do not rely on the listed items:") + "\n" + listed
        box = QMessageBox(QMessageBox.Icon.Information if not problems else QMessageBox.Icon.Warning,
                          self.tr("Verify vault"), text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def current_item_id(self) -> int | None:
        index = self.grid.currentIndex()
        return index.data(Roles.ITEM_ID) if index.isValid() else None

    def _tell(self, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def delete_item(self) -> None:
        """Ask first; the vault removes the item and its derived data, the audit log keeps a record."""
        item_id = self.current_item_id()
        if self.vault is None or item_id is None:
            self.statusBar().showMessage(self.tr("Select an exhibit first."), 5000)
            return
        item = self.evidence.item_at(self.evidence.row_of(item_id))
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Delete item"),
            self.tr("Delete “%1” from the vault? The original, its text and fields are removed. "
                    "The deletion is recorded in the audit log with the file name and fingerprint.")
            .replace("%1", item.title or item.original_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self,
        )
        box.setObjectName("confirmDelete")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.finished.connect(lambda result: self._delete_confirmed(item_id)
                             if result == QMessageBox.StandardButton.Yes else None)
        box.open()

    def _delete_confirmed(self, item_id: int) -> None:
        vault = self.vault
        if vault is None:
            return
        task = Task(lambda progress, cancelled: vault.delete_item(item_id))
        task.succeeded.connect(lambda _: self._deleted(item_id))
        task.failed.connect(lambda e: self._tell(self.tr("Delete item"), vault_error_text(e), QMessageBox.Icon.Warning))
        task.start()

    def _deleted(self, item_id: int) -> None:
        if self.detail.item is not None and self.detail.item.id == item_id:
            self.detail.clear()
        self.statusBar().showMessage(self.tr("Deleted; the audit log records it."), 5000)
        self.refresh()

    def show_history(self) -> None:
        item_id = self.current_item_id()
        vault = self.vault
        if vault is None or item_id is None:
            self.statusBar().showMessage(self.tr("Select an exhibit first."), 5000)
            return
        item = self.evidence.item_at(self.evidence.row_of(item_id))
        task = Task(lambda progress, cancelled: vault.audit_entries(item_id))
        task.succeeded.connect(lambda entries: self._show_history(item.title or item.original_name, entries))
        task.start()

    def _show_history(self, title: str, entries: list) -> None:
        if self.vault is None:
            return
        dialog = AuditDialog(title, entries, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def backup(self) -> None:
        dialog = BackupDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._back_up(dialog.target, dialog.backup_passphrase))
        dialog.open()

    def _back_up(self, target: Path | None, passphrase: str) -> None:
        vault = self.vault
        if vault is None or target is None:
            return
        self.statusBar().showMessage(self.tr("Writing the backup…"))
        task = Task(lambda progress, cancelled: maintenance.backup(vault, target, passphrase))
        task.succeeded.connect(lambda _: self._backed_up(target))
        task.failed.connect(lambda e: self._tell(self.tr("Back up vault"), vault_error_text(e),
                                                 QMessageBox.Icon.Warning))
        task.done.connect(self.statusBar().clearMessage)
        task.start()

    def _backed_up(self, target: Path) -> None:
        self.backed_up.emit(str(target))
        self._tell(self.tr("Back up vault"),
                   self.tr("The encrypted backup is in %1. Keep it somewhere other than this computer.")
                   .replace("%1", str(target)))

    def change_passphrase(self) -> None:
        if self.import_panel.busy():
            self._tell(self.tr("Change passphrase"), self.tr("Wait until the import has finished."))
            return
        dialog = ChangePassphraseDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._rekey(dialog.new_passphrase))
        dialog.open()

    def _rekey(self, new_passphrase: str) -> None:
        """Re-encrypt in the background; the window is disabled, as the old vault closes midway."""
        vault = self.vault
        if vault is None:
            return
        self._refresh_generation += 1
        wait_for_all(LOCK_WAIT_MS)
        self.pages.setEnabled(False)
        for action in self.vault_actions:
            action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Re-encrypting the vault…"))
        task = Task(lambda progress, cancelled: maintenance.change_passphrase(vault, new_passphrase))
        task.succeeded.connect(self._rekeyed)
        task.failed.connect(self._rekey_failed)
        task.done.connect(lambda: self.pages.setEnabled(True))
        task.start()

    def _rekeyed(self, vault: Vault) -> None:
        self.statusBar().showMessage(self.tr("The passphrase has been changed."), 5000)
        self.open_vault(vault)

    def _rekey_failed(self, error: Exception) -> None:
        """The old vault may already be closed, so lock: the unlock page tells which passphrase opens it."""
        self.statusBar().clearMessage()
        self.lock()
        self._tell(self.tr("Change passphrase"),
                   self.tr("The passphrase could not be changed: %1").replace("%1", vault_error_text(error)),
                   QMessageBox.Icon.Warning)

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


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())

"""The toolbar's vault-wide actions: export, verify, back up, change the passphrase, delete an item, its history.

Each runs through the vault session in the background and reports in the window's status bar or a
message box; none holds the vault itself.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app.confirm import ask_to_delete
from app.texts import problem_text, vault_error_text
from app.session import VaultSession
from app.vaultdialogs import AuditDialog, BackupDialog, ChangePassphraseDialog
from app.workspace import Workspace
from vault import maintenance
from vault.exhibit_order import manual_order
from vault.evidence import Item, Problem
from vault.verify import verify


class VaultActions(QObject):
    """The slots behind the toolbar's vault actions, for one window."""

    backed_up = Signal(str)
    """An encrypted backup has been written to this file."""
    rekeying = Signal(bool)
    """True while the vault is re-encrypted (the window is disabled), False when that is over."""

    def __init__(self, window: QMainWindow, session: VaultSession, workspace: Workspace) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.workspace = workspace

    def tell(self, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def _status(self, text: str, timeout_ms: int = 0) -> None:
        self.window.statusBar().showMessage(text, timeout_ms)

    def export(self) -> None:
        from app.exportdialog import ExportDialog  # the export package takes 0.3 s to import: load it when used

        case = self.workspace.current_case()
        if case is None or not self.session.is_open:
            return
        items = self.workspace.evidence.items()
        # The stored manual order (if the user dragged exhibits before) numbers them as the CLI's --order manual does.
        self.session.read(lambda vault: manual_order(vault, case.id),
                          lambda manual: ExportDialog(self.session, case, items, self.window, manual).open())

    def verify(self) -> None:
        self._status(self.tr("Checking every original and the audit log…"))
        self.session.run(lambda vault, progress, cancelled: verify(vault), self._verified, self._verify_failed)

    def _verified(self, problems: list[Problem]) -> None:
        self.window.statusBar().clearMessage()
        if not problems:
            self.tell(self.tr("Verify vault"),
                      self.tr("The vault is intact: every original matches its fingerprint and the log is unbroken."))
            return
        listed = "\n".join(f"• {problem_text(problem)}" for problem in problems[:20])
        self.tell(self.tr("Verify vault"),
                  self.tr("Problems were found. Keep a backup and do not rely on the listed items:") + "\n" + listed,
                  QMessageBox.Icon.Warning)

    def _verify_failed(self, error: Exception) -> None:
        self.window.statusBar().clearMessage()
        self.tell(self.tr("Verify vault"), vault_error_text(error), QMessageBox.Icon.Warning)

    def _selected_item(self) -> Item | None:
        item = self.workspace.current_item()
        if item is None or not self.session.is_open:
            self._status(self.tr("Select an exhibit first."), 5000)
            return None
        return item

    def delete_item(self) -> None:
        """Ask first; the vault removes the item and its derived data, the audit log keeps a record."""
        item = self._selected_item()
        if item is None:
            return
        ask_to_delete(
            self.window, self.tr("Delete item"),
            self.tr("Delete “%1” from the vault? The original, its text and fields are removed. "
                    "The deletion is recorded in the audit log with the file name and fingerprint.")
            .replace("%1", item.title or item.original_name),
            "confirmDelete", lambda: self._delete_confirmed(item.id),
        )

    def _delete_confirmed(self, item_id: int) -> None:
        self.session.write(lambda vault: vault.delete_item(item_id), lambda _: self._deleted(item_id),
                           lambda e: self.tell(self.tr("Delete item"), vault_error_text(e), QMessageBox.Icon.Warning))

    def _deleted(self, item_id: int) -> None:
        detail = self.workspace.detail
        if detail.item is not None and detail.item.id == item_id:
            detail.clear()
        self._status(self.tr("Deleted; the audit log records it."), 5000)
        self.workspace.refresh()

    def show_history(self) -> None:
        item = self._selected_item()
        if item is not None:
            self.session.read(lambda vault: vault.audit_entries(item.id),
                              lambda entries: self._show_history(item.title or item.original_name, entries))

    def _show_history(self, title: str, entries: list) -> None:
        dialog = AuditDialog(title, entries, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def backup(self) -> None:
        dialog = BackupDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._back_up(dialog.target, dialog.backup_passphrase))
        dialog.open()

    def _back_up(self, target: Path | None, passphrase: str) -> None:
        if target is None or not self.session.is_open:
            return
        self._status(self.tr("Writing the backup…"))
        task = self.session.write(lambda vault: maintenance.backup(vault, target, passphrase),
                                  lambda _: self._backed_up(target),
                                  lambda e: self.tell(self.tr("Back up vault"), vault_error_text(e),
                                                      QMessageBox.Icon.Warning))
        if task is not None:
            task.done.connect(self.window.statusBar().clearMessage)

    def _backed_up(self, target: Path) -> None:
        self.backed_up.emit(str(target))
        self.tell(self.tr("Back up vault"),
                  self.tr("The encrypted backup is in %1. Keep it somewhere other than this computer.")
                  .replace("%1", str(target)))

    def change_passphrase(self, import_running: bool) -> None:
        if import_running:
            self.tell(self.tr("Change passphrase"), self.tr("Wait until the import has finished."))
            return
        dialog = ChangePassphraseDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._rekey(dialog.new_passphrase))
        dialog.open()

    def _rekey(self, new_passphrase: str) -> None:
        """Re-encrypt in the background; the window is disabled, as the old vault closes midway."""
        if not self.session.is_open:
            return
        self.rekeying.emit(True)
        self._status(self.tr("Re-encrypting the vault…"))
        self.session.replace(lambda vault: maintenance.change_passphrase(vault, new_passphrase),
                             self._rekeyed, self._rekey_failed)

    def _rekeyed(self) -> None:
        self.rekeying.emit(False)
        self._status(self.tr("The passphrase has been changed."), 5000)
        self.workspace.reload_cases()

    def _rekey_failed(self, error: Exception) -> None:
        """The session has locked: the unlock page tells which passphrase opens the vault."""
        self.rekeying.emit(False)
        self.window.statusBar().clearMessage()
        self.tell(self.tr("Change passphrase"),
                  self.tr("The passphrase could not be changed: %1").replace("%1", vault_error_text(error)),
                  QMessageBox.Icon.Warning)

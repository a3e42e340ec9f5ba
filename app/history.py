"""Audit log entries as sentences in the interface language, for the history dialog.

The log keeps machine words (`item.import` and a JSON payload) so the chain never depends on a
language; a person reads “导入了“订单.png”（79 KB）”. An action this version does not know is shown
generically with its details, never hidden.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from app.texts import field_label, kind_label
from vault.audit import AuditEntry

CHINA_TIME = ZoneInfo("Asia/Shanghai")
"""The log stores UTC; the people using the vault, and the platforms they deal with, keep Beijing time."""

Payload = dict[str, Any]

ROWS_NAMED = 12
"""Row numbers a sentence names before “…”; the tooltip holds them all."""


def _texts() -> dict[str, str]:
    """Every wording, translated when asked (the language can change while the program runs)."""
    return {
        "vault.create": QCoreApplication.translate("History", "Created the vault."),
        "vault.passwd": QCoreApplication.translate("History", "Changed the passphrase."),
        "vault.backup": QCoreApplication.translate("History", "Wrote the encrypted backup %1."),
        "vault.backup_failed": QCoreApplication.translate("History", "The backup %1 failed: %2"),
        "vault.restore": QCoreApplication.translate("History", "Restored the vault from the backup %1."),
        "case.add": QCoreApplication.translate("History", "Added the case %1."),
        "case.edit": QCoreApplication.translate("History", "Changed the case details (%1)."),
        "case.export": QCoreApplication.translate("History", "Exported the dossier %1 with %2 exhibits."),
        "redacted": QCoreApplication.translate("History", " Phone, ID and card numbers were hidden."),
        "password": QCoreApplication.translate("History", " The PDF has a password."),
        "item.import": QCoreApplication.translate("History", "Imported %1 (%2), SHA-256 %3…"),
        "item.ocr": QCoreApplication.translate("History", "Read the text with %1: %2 fields found."),
        "item.ocr_failed": QCoreApplication.translate("History", "Reading the text with %1 failed: %2"),
        "item.edit": QCoreApplication.translate("History", "Changed %1."),
        "change": QCoreApplication.translate("History", "%1 to %2"),
        "item.delete": QCoreApplication.translate("History", "Deleted %1."),
        "field.add": QCoreApplication.translate("History", "Added the %1 %2."),
        "correction": QCoreApplication.translate("History", "Corrected the %1 to %2."),
        "field.reject": QCoreApplication.translate("History", "Marked the %1 %2 as wrong."),
        "field.delete": QCoreApplication.translate("History", "Removed your %1 %2."),
        "selection.create": QCoreApplication.translate("History", "Picked rows %1 of the file as %2."),
        "selection.update": QCoreApplication.translate("History", "Changed the picked rows %2: now rows %1."),
        "selection.delete": QCoreApplication.translate("History", "Deleted the picked rows %2 (rows %1)."),
        "reason": QCoreApplication.translate("History", "%1 Reason: %2"),
        "quoted": QCoreApplication.translate("History", "“%1”"),
        "cleared": QCoreApplication.translate("History", "(cleared)"),
        "list": QCoreApplication.translate("History", ", "),
        "changes": QCoreApplication.translate("History", "; "),
        "unknown": QCoreApplication.translate("History", "%1: %2"),
        "tooltip": QCoreApplication.translate("History", "Recorded as %1 %2; entry hash %3"),
        "title": QCoreApplication.translate("History", "title"),
        "kind": QCoreApplication.translate("History", "kind"),
        "formed_at": QCoreApplication.translate("History", "formed at"),
        "purpose": QCoreApplication.translate("History", "purpose"),
        "note": QCoreApplication.translate("History", "note"),
    }


def _filled(text: str, *values: object) -> str:
    """Qt's %1, %2 … filled from the highest number down, so %1 never eats the start of %10."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def entry_time(iso: str) -> str:
    """'2026-02-17T12:53:41.123+00:00' -> '2026-02-17 20:53:41' (Beijing time)."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone(CHINA_TIME)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _size(size: Any) -> str:
    if not isinstance(size, int):
        return "?"
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{max(1, round(size / 1024))} KB"


class _Sentences:
    """Builds one entry's sentence from the wordings of the current language."""

    def __init__(self) -> None:
        self.t = _texts()

    def quoted(self, value: Any) -> str:
        return _filled(self.t["quoted"], value if value not in (None, "") else "—")

    def with_reason(self, sentence: str, reason: Any) -> str:
        return _filled(self.t["reason"], sentence, reason) if reason else sentence

    def edited_value(self, name: str, value: Any) -> str:
        if value is None or value == "":
            return self.t["cleared"]
        if name == "kind":
            return kind_label(str(value))
        if name == "formed_at":
            return str(value).replace("T", " ")
        return self.quoted(value)

    def item_edit(self, p: Payload) -> str:
        changes = [_filled(self.t["change"], self.t.get(name, name), self.edited_value(name, value))
                   for name, value in p.items() if name not in ("item_id", "case_id")]
        return _filled(self.t["item.edit"], self.t["changes"].join(changes))

    def field(self, key: str, p: Payload) -> str:
        return _filled(self.t[key], field_label(str(p.get("type"))), self.quoted(p.get("value")))

    def selection(self, key: str, p: Payload) -> str:
        rows = [str(row) for row in p.get("rows", [])]
        shown = self.t["list"].join(rows[:ROWS_NAMED]) + ("…" if len(rows) > ROWS_NAMED else "")
        return _filled(self.t[key], shown, self.quoted(p.get("title")))

    def case_export(self, p: Payload) -> str:
        sentence = _filled(self.t["case.export"], self.quoted(p.get("file")), len(p.get("items", [])))
        return sentence + (self.t["redacted"] if p.get("redacted") else "") + (
            self.t["password"] if p.get("password") else "")

    def builders(self) -> dict[str, Callable[[Payload], str]]:
        t, quoted = self.t, self.quoted
        return {
            "vault.create": lambda p: t["vault.create"],
            "vault.passwd": lambda p: t["vault.passwd"],
            "vault.backup": lambda p: _filled(t["vault.backup"], quoted(p.get("file"))),
            "vault.backup_failed": lambda p: _filled(t["vault.backup_failed"], quoted(p.get("file")),
                                                     p.get("error", "")),
            "vault.restore": lambda p: _filled(t["vault.restore"], quoted(p.get("from"))),
            "case.add": lambda p: _filled(t["case.add"], quoted(p.get("title"))),
            "case.edit": lambda p: _filled(t["case.edit"], t["list"].join(k for k in p if k != "case_id")),
            "case.export": self.case_export,
            "item.import": lambda p: _filled(t["item.import"], quoted(p.get("name")), _size(p.get("size")),
                                             str(p.get("sha256", ""))[:12]),
            "item.ocr": lambda p: _filled(t["item.ocr"], p.get("engine", "?"), p.get("fields", 0)),
            "item.ocr_failed": lambda p: _filled(t["item.ocr_failed"], p.get("engine", "?"), p.get("error", "")),
            "item.edit": self.item_edit,
            "item.delete": lambda p: self.with_reason(_filled(t["item.delete"], quoted(p.get("name"))),
                                                      p.get("reason")),
            "field.add": lambda p: self.field("correction" if p.get("corrects") is not None else "field.add", p),
            "field.reject": lambda p: self.with_reason(self.field("field.reject", p), p.get("reason")),
            "field.delete": lambda p: self.field("field.delete", p),
            "selection.create": lambda p: self.selection("selection.create", p),
            "selection.update": lambda p: self.selection("selection.update", p),
            "selection.delete": lambda p: self.selection("selection.delete", p),
        }


def known_actions() -> set[str]:
    return set(_Sentences().builders())


def details_json(entry: AuditEntry) -> str:
    """The payload as the log holds it."""
    return json.dumps(entry.payload, ensure_ascii=False, sort_keys=True)


def entry_tooltip(entry: AuditEntry) -> str:
    """The entry as recorded, so the sentence never hides what the log holds."""
    return _filled(_texts()["tooltip"], entry.action, details_json(entry), entry.hash)


def audit_sentence(entry: AuditEntry) -> str:
    """What the entry records, as a sentence; an action this version does not know, with its details."""
    sentences = _Sentences()
    builder = sentences.builders().get(entry.action)
    if builder is not None:
        try:
            return builder(entry.payload)
        except (TypeError, AttributeError):
            pass  # a payload of another shape (written by an older or newer version) is shown as recorded
    return _filled(sentences.t["unknown"], entry.action, details_json(entry))

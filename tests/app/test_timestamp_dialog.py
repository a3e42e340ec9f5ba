"""补加时间戳…: a dossier exported while the TSA was down gains its timestamp from the export dialog."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.mainwindow import MainWindow
from app.timestampdialog import TimestampDialog
from export import ExportOptions, build_dossier
from export.dossier_check import check_dossier
from export.signing import SigningSettings
from tests.app.conftest import open_export_dialog
from tests.export.conftest import tiny_request
from tests.export.tsa import make_pki, running_tsa
from vault.signing_key import new_identity

pytestmark = pytest.mark.gui


def test_a_pending_dossier_gains_its_timestamp(qtbot, tmp_path: Path, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    identity = new_identity("张三")
    request = replace(tiny_request(1), signer_fingerprint=identity.fingerprint)
    signing = SigningSettings(identity.key_pem, identity.certificate_pem)
    dossier = build_dossier(request, ExportOptions(signing=signing), tmp_path / "d.pdf").path
    assert not check_dossier(dossier).timestamps
    pki = make_pki()
    root = tmp_path / "tsa-root.pem"
    root.write_bytes(pki.root_pem)

    export = open_export_dialog(qtbot, window)
    qtbot.mouseClick(export.findChild(QPushButton, "addTimestamp"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: export.findChild(TimestampDialog) is not None)
    dialog = export.findChild(TimestampDialog)
    with running_tsa(pki) as tsa:
        dialog.dossier.setText(str(dossier))
        dialog.tsa_url.setText(tsa.url)
        dialog.tsa_root.setText(str(root))
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "SHA-256" in dialog.status.text() or "unchanged" in dialog.status.text()
                        or "未" in dialog.status.text(), timeout=30_000)
    check = check_dossier(dossier, tsa_roots_pem=(pki.root_pem,))
    assert check.ok and [(t.on_document, t.trusted) for t in check.timestamps] == [(True, True)]
    entry = window.vault.audit_entries()[-1]
    assert entry.action == "case.timestamp" and entry.payload["file"] == "d.pdf"
    assert entry.payload["pdf_sha256"] in dialog.status.text()
    dialog.reject()
    export.reject()

    reopened = open_export_dialog(qtbot, window)
    assert reopened.tsa_url.text() == tsa.url, "the server is remembered for the next export"
    reopened.reject()

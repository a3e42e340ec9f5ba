"""核验证据材料…: the dialog shows the same verdict as `check-dossier`, asking for the PDF password."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from app.checkdialog import CheckDossierDialog
from export import ExportOptions, build_dossier
from export.signing import SigningSettings
from tests.export.conftest import tiny_request
from vault.signing_key import new_identity

pytestmark = pytest.mark.gui


def _type_password_when_asked(password: str) -> None:
    def answer() -> None:
        asking = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible()),
                      None)
        if asking is None:
            QTimer.singleShot(50, answer)
            return
        asking.findChild(QLineEdit).setText(password)
        asking.accept()

    QTimer.singleShot(50, answer)


def test_checks_a_password_protected_dossier(qtbot, tmp_path: Path) -> None:
    identity = new_identity("张三")
    request = replace(tiny_request(1), signer_fingerprint=identity.fingerprint)
    signing = SigningSettings(identity.key_pem, identity.certificate_pem)
    dossier = build_dossier(request, ExportOptions(password="pw 密码", signing=signing), tmp_path / "d.pdf").path
    dialog = CheckDossierDialog("zh")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.dossier.setText(str(dossier))
    _type_password_when_asked("pw 密码")
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "结论：核验通过" in dialog.report.toPlainText(), timeout=20_000)
    assert identity.fingerprint in dialog.report.toPlainText()
    dialog.close()

"""Entry point of the desktop app: `evidence-vault-gui [--vault PATH] [--lang zh_CN|en]`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app import settings
from app.i18n import LANGUAGES, install_language, register_fallback_font
from app.mainwindow import MainWindow
from vault.process import harden_process

GIL_SWITCH_INTERVAL_S = 0.001
"""How long a busy worker thread may keep the GIL before the GUI thread gets it (CPython's default is
5 ms). Every model data() call and every slot re-enters Python, so a paint of a few dozen rows could
wait that long many times over while an import runs in the pool."""

STYLE_SHEET = """
QLabel#pageTitle { font-size: 20px; font-weight: bold; margin-bottom: 8px; }
QLabel#warning { color: #9a3b00; background: #fff3e0; border: 1px solid #f0b070; padding: 8px; }
QLabel#error { color: #b00020; }
"""


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="evidence-vault-gui", description="Evidence Vault 证据保险箱")
    parser.add_argument("--vault", type=Path, help="vault file (default: the one in Settings)")
    parser.add_argument("--lang", choices=sorted(LANGUAGES), help="interface language for this run")
    return parser.parse_args(argv)


def setup_application(argv: list[str], language: str) -> QApplication:
    """The QApplication with organisation names, font fallback, translations and style."""
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("证据保险箱 Evidence Vault")
    register_fallback_font()
    install_language(language)
    app.setStyleSheet(STYLE_SHEET)
    return app  # type: ignore[return-value]


def main(argv: list[str] | None = None) -> int:
    harden_process()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = setup_application(sys.argv[:1], args.lang or settings.LANGUAGE.get())
    shown: list[MainWindow] = []

    def keep(window: MainWindow) -> None:
        """Hold the current window (a language change replaces it) so Python does not delete it."""
        window.replaced.connect(keep)
        shown[:] = [window]

    keep(MainWindow(args.vault or settings.vault_path()))
    shown[0].show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

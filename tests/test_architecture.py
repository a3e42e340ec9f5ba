"""The core is a library without Qt: the CLI and the GUI both drive it."""
from __future__ import annotations

import subprocess
import sys


def test_core_packages_do_not_import_qt() -> None:
    code = (
        "import sys, vault.cli, vault.ingest, vault.ocr_jobs, vault.verify, vault.maintenance, "
        "ocr.engines, ocr.extract, export, export.from_vault; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_only_one_module_imports_the_sqlcipher_driver() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    importers = [
        str(p.relative_to(root))
        for package in ("app", "vault", "ocr", "export")
        for p in (root / package).rglob("*.py")
        if "import sqlcipher3" in p.read_text(encoding="utf-8") or "from sqlcipher3" in p.read_text(encoding="utf-8")
    ]
    assert importers == ["vault/driver.py"]

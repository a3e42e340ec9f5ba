"""The core is a library without Qt, its layers point down, and the CLI and the GUI both drive it."""
from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {"ocr": 0, "vault": 1, "export": 2, "app": 3, "cli": 3}
"""ocr < vault < export < {app, cli}: a package may import its own layer's package and those below."""


def _imported_packages(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, top-level package) of every import in a module, those inside functions included."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.split(".")[0]


def _layer_violations() -> Iterator[str]:
    for package, layer in LAYERS.items():
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for line, target in _imported_packages(tree):
                if target == package or target not in LAYERS:
                    continue
                if LAYERS[target] >= layer:
                    yield f"{path.relative_to(ROOT)}:{line} imports {target}"


def test_layers_only_import_downwards() -> None:
    assert list(_layer_violations()) == []


@pytest.mark.parametrize(
    ("source", "package", "expected"),
    [
        pytest.param("def f():\n    from export import builder\n", "vault", "export", id="function-level-from"),
        pytest.param("import app.tasks\n", "cli", "app", id="module-level-import"),
        pytest.param("from . import sibling\n", "vault", None, id="relative-import-ignored"),
    ],
)
def test_import_walk_sees_every_kind_of_import(source: str, package: str, expected: str | None) -> None:
    found = [target for _, target in _imported_packages(ast.parse(source)) if target in LAYERS and target != package]
    assert found == ([expected] if expected else [])


def test_core_packages_do_not_import_qt() -> None:
    code = (
        "import sys, cli.main, vault.ingest, vault.ocr_jobs, vault.verify, vault.maintenance, "
        "ocr.engines, ocr.extract, export, export.from_vault; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_only_one_module_imports_the_sqlcipher_driver() -> None:
    importers = [
        str(p.relative_to(ROOT))
        for package in LAYERS
        for p in (ROOT / package).rglob("*.py")
        if "import sqlcipher3" in p.read_text(encoding="utf-8") or "from sqlcipher3" in p.read_text(encoding="utf-8")
    ]
    assert importers == ["vault/driver.py"]

"""The `evidence-vault-gui` command's entry point: a module that imports nothing until it runs.

multiprocessing's spawn start method runs the program's main script again in every OCR worker, and
a console script imports its entry point's module at its top. Were that app.main, each worker would
load PySide6 and the whole window before its models: 0.35 s more of its start and 65 MB more memory.
"""
from __future__ import annotations


def main() -> int:
    from app.main import main as run_app

    return run_app()

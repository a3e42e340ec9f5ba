"""The `evidence-vault` command's entry point: a module that imports nothing until it runs.

multiprocessing's spawn start method runs the program's main script again in every OCR worker, and
a console script imports its entry point's module at its top. Were that cli.main, each worker would
load every command's modules before its models (0.06 s and 22 MB). `python -m cli` needs none of
this: a main module named `….__main__` is not run again in the workers.
"""
from __future__ import annotations


def main() -> int:
    from cli.main import main as run_cli

    return run_cli()

"""`--version`: the program's version and which OCR engine and backend this machine would use."""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any, NoReturn


def version_text() -> str:
    """Two lines: the package version, then the OCR engines and RapidOCR's chosen backend."""
    from importlib.metadata import PackageNotFoundError, version  # 0.015 s, paid by every command otherwise

    from ocr.engines import describe_engines  # loads numpy and the engines: only when asked

    try:
        own = version("evidence-vault")
    except PackageNotFoundError:
        own = "(not installed as a package)"
    return f"evidence-vault {own}\n{describe_engines()}"


class VersionAction(argparse.Action):
    """Like argparse's version action, but the engine line is worked out only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> NoReturn:
        parser.exit(message=version_text() + "\n")

"""Every GUI setting in one place, with its type and default; stored with QSettings.

Nothing sensitive goes here: no passphrase, no case names, no file contents.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

from ocr.engine_names import DEFAULT_ENGINE
from vault.paths import default_vault_path

T = TypeVar("T", str, int, bool)

ORGANIZATION = "evidence-vault"
APPLICATION = "evidence-vault-gui"


def _store() -> QSettings:
    """An INI file under the user's config folder (tests point QSettings.setPath at a temp dir)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T

    def get(self) -> T:
        value = _store().value(self.key, self.default)
        if self.type is bool and isinstance(value, str):
            return value.lower() == "true"  # type: ignore[return-value]
        try:
            return self.type(value)
        except (TypeError, ValueError):
            return self.default

    def set(self, value: T) -> None:
        _store().setValue(self.key, self.type(value))


OCR_ENGINE = Setting("ocr/engine", str, str(DEFAULT_ENGINE))
OCR_BACKEND = Setting("ocr/backend", str, "")
"""RapidOCR's runtime, openvino or onnxruntime; empty means the one that suits this machine."""
OCR_AFTER_IMPORT = Setting("ocr/after_import", bool, True)
AUTO_LOCK_MINUTES = Setting("security/auto_lock_minutes", int, 10)
"""0 turns auto-lock off."""
LANGUAGE = Setting("ui/language", str, "zh_CN")
"""zh_CN or en."""
TSA_URL = Setting("export/tsa_url", str, "")
"""The RFC 3161 timestamp server last used; none is built in (issue #15)."""
TSA_ROOT = Setting("export/tsa_root", str, "")
"""Path of that server's CA certificate (PEM), if the user gave one."""
VAULT_PATH = Setting("vault/path", str, "")
"""Empty means the platform default, see `vault_path`."""


def vault_path() -> Path:
    return Path(VAULT_PATH.get() or default_vault_path())

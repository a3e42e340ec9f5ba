"""Where the vault lives by default: the platform's per-user data folder."""
from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "evidence-vault"
VAULT_FILE_NAME = "vault.evault"


def default_vault_path() -> Path:
    """$EVIDENCE_VAULT_PATH if set, else e.g. ~/.local/share/evidence-vault/vault.evault on Linux."""
    override = os.environ.get("EVIDENCE_VAULT_PATH")
    if override:
        return Path(override)
    return Path(user_data_dir(APP_NAME, appauthor=False)) / VAULT_FILE_NAME

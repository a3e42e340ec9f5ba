from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from vault.store import Vault

PASSPHRASE = "correct horse 电池 staple"


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "case.evault"


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    v = Vault.create(vault_path, PASSPHRASE)
    yield v
    v.close()


@pytest.fixture
def case_id(vault: Vault) -> int:
    return vault.add_case("京东白条降额投诉", respondent="京东金融", channel="12315", claim="恢复额度")

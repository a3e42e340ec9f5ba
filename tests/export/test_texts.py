"""Every kind and field type the core knows is worded in both dossier languages."""
from __future__ import annotations

import pytest

from export.from_vault import _DEFAULT_PURPOSES, _DEFAULT_TITLES
from export.texts import labels_for
from ocr.types import KINDS, FieldType


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_field_type_is_worded(lang: str) -> None:
    texts = labels_for(lang)
    assert [t for t in FieldType if texts.field_type(t) == str(t)] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_kind_has_a_default_title_and_purpose(lang: str) -> None:
    assert set(_DEFAULT_TITLES[lang]) == set(_DEFAULT_PURPOSES[lang]) == set(KINDS)

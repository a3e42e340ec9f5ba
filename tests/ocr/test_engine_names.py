"""The engine names are one enum, and the engine registry knows every one of them."""
from __future__ import annotations

import pytest

from ocr.engine_names import BackendName, EngineName
from ocr.engines import BACKENDS, create_engine
from ocr.errors import OcrEngineUnavailable


def test_an_unknown_engine_is_refused_naming_every_known_one() -> None:
    with pytest.raises(OcrEngineUnavailable) as refused:
        create_engine("paddle")
    assert all(name.value in str(refused.value) for name in EngineName)


def test_the_backends_are_the_named_runtimes_best_first() -> None:
    assert BACKENDS == (BackendName.OPENVINO, BackendName.ONNXRUNTIME)

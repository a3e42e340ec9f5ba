"""OpenVINO's recogniser giving each step's most likely character (ocr/engines/top_classes.py)."""
from __future__ import annotations

import numpy as np
import pytest

from ocr.engines import backends, rapid

pytestmark = [
    pytest.mark.ocr,
    pytest.mark.skipif(backends.OPENVINO not in backends.installed_backends(), reason="OpenVINO is not installed"),
]


def recognizer_config() -> dict[str, object]:
    return {"model_path": rapid.wheel_models()["Rec"], "engine_cfg": {"inference_num_threads": 1}}


def test_each_step_gives_the_argmax_and_max_of_the_full_softmax() -> None:
    from openvino import Core

    from ocr.engines.top_classes import TopClassSession

    batch = np.random.default_rng(5).uniform(-1, 1, (2, 3, 48, 192)).astype(np.float32)
    request = Core().compile_model(str(rapid.wheel_models()["Rec"]), "CPU").create_infer_request()
    request.infer([batch])
    probabilities = np.array(request.get_output_tensor().data)

    top = TopClassSession(recognizer_config())(batch)

    assert top.shape == (*probabilities.shape[:2], 2)
    assert np.array_equal(top[..., 1].astype(np.int64), probabilities.argmax(axis=2))
    assert np.allclose(top[..., 0], probabilities.max(axis=2), atol=1e-3)


def test_the_session_hands_rapidocr_the_models_character_list() -> None:
    from ocr.engines.top_classes import TopClassSession

    session = TopClassSession(recognizer_config())

    characters = session.get_character_list()
    assert session.have_key() and len(characters) > 6000 and "京" in characters


def test_the_shared_openvino_recogniser_decodes_top_classes() -> None:
    from ocr.engines.top_classes import TopClassDecode, TopClassSession

    recognizer = rapid.shared_model(backends.OPENVINO)._load_rec_model()

    assert isinstance(recognizer.session.session, TopClassSession)
    assert isinstance(recognizer.postprocess_op, TopClassDecode)

"""OpenVINO's detector normalising the pixels inside the model (ocr/engines/pixel_detector.py)."""
from __future__ import annotations

import numpy as np
import pytest

from bench.screenshots import generate_template
from ocr.engines import backends, rapid

pytestmark = [
    pytest.mark.ocr,
    pytest.mark.skipif(backends.OPENVINO not in backends.installed_backends(), reason="OpenVINO is not installed"),
]

MEAN = [0.5, 0.5, 0.5]
STD = [0.5, 0.5, 0.5]


def detector_config() -> dict[str, object]:
    return {"model_path": rapid.wheel_models()["Det"], "mean": MEAN, "std": STD,
            "engine_cfg": {"inference_num_threads": 1}}


def rapidocr_map(page: np.ndarray) -> np.ndarray:
    """The text map of the wheel's detector fed as RapidOCR feeds it: normalised in numpy, float32 NCHW."""
    from openvino import Core

    normalised = (page.astype(np.float32) / 255 - np.float32(0.5)) / np.float32(0.5)
    request = Core().compile_model(str(rapid.wheel_models()["Det"]), "CPU").create_infer_request()
    request.infer([np.ascontiguousarray(normalised.transpose(2, 0, 1)[np.newaxis])])
    return np.array(request.get_output_tensor().data)


def test_the_map_of_a_page_matches_rapidocrs_own_preprocessing() -> None:
    from ocr.engines.pixel_detector import PixelDetectorSession

    page = np.asarray(generate_template("jd_order_detail", seed=1, index=0).image.convert("RGB").resize((736, 992)))

    ours = PixelDetectorSession(detector_config())(page[np.newaxis])
    theirs = rapidocr_map(page)

    assert ours.shape == theirs.shape == (1, 1, 992, 736)
    assert np.mean((ours > 0.3) == (theirs > 0.3)) > 0.995  # RapidOCR's text threshold
    assert (theirs > 0.3).mean() > 0.02  # the page has text to find


def test_the_shared_openvino_model_detects_on_pixels() -> None:
    from ocr.engines.pixel_detector import PixelDetectorSession

    detector = rapid.shared_model(backends.OPENVINO)._load_det_model()

    assert isinstance(detector.session, PixelDetectorSession)
    assert detector.get_preprocess().pixels

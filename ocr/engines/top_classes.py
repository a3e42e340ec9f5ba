"""OpenVINO's recogniser giving only each step's most likely character and its probability.

The recogniser ends in a softmax over PP-OCRv6's 18,710 characters for every step of a line (80 steps
for a 640-column batch of six: 36 MB of float32), and RapidOCR's CTC decoding then takes the argmax and
the max of it in numpy. A TopK (k=1) appended to the model by OpenVINO's PrePostProcessor does both
inside it, so the output is (N, steps, 2): the probability and the character index. Same characters,
same probabilities; a batch of six 640-column lines 36.5-37.6 ms against 44.2 ms, 320 columns 21.1
against 22.3 ms (issue #13).
Imported only when a model is built: it loads OpenVINO and rapidocr.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import openvino.opset13 as ops
from openvino import Model, Output
from openvino.preprocess import PrePostProcessor
from rapidocr.ch_ppocr_rec.utils import CTCLabelDecode

from ocr.errors import OcrEngineUnavailable

from .openvino_models import ModelOutput, compile_model

CHARACTERS = ["framework", "character"]
"""Where the recogniser's ONNX file keeps its character list (one per line), which RapidOCR reads."""
CLASS_AXIS = 2


def most_likely(probabilities: Output) -> Output:
    """(N, steps, 2) of each step's highest probability and its class index (as float32: exact
    below 2**24 classes)."""
    top = ops.topk(probabilities, ops.constant(np.int64(1)), axis=CLASS_AXIS, mode="max", sort="none",
                   index_element_type="i32")
    return ops.concat([top.output(0), ops.convert(top.output(1), "f32")], axis=CLASS_AXIS).output(0)


def top_class_output(model: Model) -> Model:
    steps = PrePostProcessor(model)
    steps.output().postprocess().custom(most_likely)
    return steps.build()


class TopClassSession:
    """A RapidOCR recogniser session: a (N, 3, 48, W) batch of lines in, (N, steps, 2) out; gives
    TextRecognizer the model's character list (it would look for a file to download otherwise)."""

    def __init__(self, cfg: Mapping[str, Any]) -> None:
        model, compiled = compile_model(cfg, top_class_output)
        if not model.has_rt_info(CHARACTERS):
            raise OcrEngineUnavailable("RapidOCR's recogniser carries no character list: reinstall rapidocr.")
        self._characters: str = model.get_rt_info(CHARACTERS).astype(str)
        self._top_classes = ModelOutput(compiled)

    def __call__(self, batch: np.ndarray) -> np.ndarray:
        return self._top_classes(batch)

    def have_key(self, key: str = "character") -> bool:
        return key == CHARACTERS[-1]

    def get_character_list(self, key: str = "character") -> list[str]:
        return self._characters.splitlines()


class TopClassDecode:
    """RapidOCR's CTC decoding of a TopClassSession's output."""

    def __init__(self, decode: CTCLabelDecode) -> None:
        self._decode = decode

    def __call__(self, top: np.ndarray, return_word_box: bool = False, **kwargs: Any) -> tuple[list[Any], list[Any]]:
        return self._decode.decode(
            top[..., 1].astype(np.int64), top[..., 0], return_word_box,
            kwargs.get("wh_ratio_list", (1.0,)), kwargs.get("max_wh_ratio", 1.0), remove_duplicate=True,
        )

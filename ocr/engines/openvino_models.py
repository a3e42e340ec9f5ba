"""RapidOCR's ONNX models read and compiled for OpenVINO's CPU plugin, changed on the way.

For the sessions given to RapidOCR in place of its own (ocr/engines/pixel_detector.py,
ocr/engines/top_classes.py): the same settings RapidOCR's OpenVINO session would use (threads,
latency hint, one stream; no CACHE_DIR, so compiled models stay in memory), one compilation each.
Imported only when a model is built: it loads OpenVINO and rapidocr.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
from openvino import CompiledModel, Core, Model
from rapidocr.inference_engine.openvino.device_config import CPUConfig


def compile_model(cfg: Mapping[str, Any], adapt: Callable[[Model], Model]) -> tuple[Model, CompiledModel]:
    """The model of RapidOCR's task configuration `cfg` (its model_path and engine_cfg) changed by
    `adapt`, and that model compiled for the CPU."""
    core = Core()
    core.set_property("CPU", CPUConfig(cfg.get("engine_cfg", {})).get_config())
    model = adapt(core.read_model(str(cfg["model_path"])))
    return model, core.compile_model(model, "CPU")


class ModelOutput:
    """An infer request of a compiled model of one input and one output: the output for an input.
    The array is the request's own buffer, overwritten by the next call (as RapidOCR's sessions do)."""

    def __init__(self, compiled: CompiledModel) -> None:
        self._request = compiled.create_infer_request()

    def __call__(self, tensor: np.ndarray) -> np.ndarray:
        self._request.infer([tensor])
        return self._request.get_output_tensor().data

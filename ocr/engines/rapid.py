"""RapidOCR 3.x (PP-OCRv6 small, the models its wheel ships) on OpenVINO or onnxruntime.

Fed numpy arrays and given the model files' paths, so it never reads, writes or downloads a file
at run time: RapidOCR only downloads a model when no model_path is configured.
"""
from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from ocr.errors import OcrEngineFailed, OcrEngineUnavailable
from ocr.preprocess import PreprocessOptions, recognize_prepared
from ocr.types import OcrLine

from .backends import BACKENDS, OPENVINO, backend_installed, default_backend

if TYPE_CHECKING:
    from rapidocr import RapidOCR

MAX_SIDE = 2000
"""RapidOCR shrinks any image whose longer side exceeds this (its Global.max_side_len)."""

DET_SHORT_SIDE = 736
"""RapidOCR's detector scales the short side of every image up to this (Det.limit_side_len)."""

REC_HEIGHT = 48
"""The recogniser's input height (PP-OCRv6's Rec.rec_img_shape)."""

REC_MIN_WIDTH = 128
"""The narrowest batch the recogniser is given. RapidOCR pads every batch to at least 320 columns (the
width PaddleOCR trained with), so a batch of short crops such as a time, an amount or a label was
read at two and a half times its width: 42 of the 70 recogniser batches of 16 screenshots were such
batches, and the recogniser's cost grows with the width (6 lines: 17 ms at 160, 28 ms at 320). With
128 the same 16 screenshots read 18 % faster once warm and give the same text but for two back
arrows read as "<" (issue #13; accuracy in README). Two of ocr/engines/shapes.py's width steps."""

DEFAULT_PREPROCESS = PreprocessOptions(tile_height=MAX_SIDE, pad_below=DET_SHORT_SIDE // 4)
"""Tiling keeps tall screenshots' text at full size; padding tiny crops keeps their words whole
(corpus character accuracy 0.878 -> 0.952 with PP-OCRv4; re-measured with PP-OCRv6 in README)."""

MODEL_FILES = {
    "Det": "PP-OCRv6_det_small.onnx",
    "Rec": "PP-OCRv6_rec_small.onnx",
}
"""The models inside the rapidocr wheel (rapidocr/models); PP-OCRv6 small was chosen by measurement
against PP-OCRv4 on both backends (README, "Accuracy and speed"). The wheel's angle classifier is
not used: screenshots are upright, and on them it only turned icons (a back arrow read as ">", a
battery's "93%" as "%ε6") while costing a model and time on every line (issue #13). The price: a
line photographed upside down is not turned (the shared corpus's one such crop is now missed)."""
MODELS = "PP-OCRv6-small"
"""Names the model set in results and benchmark caches, beside the backend."""

INSTALL_HINT = "pip install rapidocr onnxruntime (and openvino on x86-64)"

_models: dict[str, RapidOCR] = {}
_model_lock = threading.Lock()
_threads: int | None = None

# onnxruntime >= 1.32 otherwise writes a device id and a queue of telemetry events under ~/.cache
# and a session file in TMPDIR (found by tests/test_leak_audit.py); an offline vault sends nothing.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"
# Importing openvino starts its converter's usage telemetry, which writes a client id and a usage
# count under ~/intel (tests/ocr/test_backends.py found them) and sends events unless a consent file
# opts out. Its converter falls back to a no-op stub when the telemetry package cannot be imported,
# so it is made unimportable here, before anything imports openvino; inference does not use it.
sys.modules.setdefault("openvino_telemetry", None)  # type: ignore[arg-type]


def limit_threads(threads: int) -> None:
    """Threads per model; several OCR worker processes on few cores must not oversubscribe them."""
    global _threads
    _threads = threads


def model_folder() -> Path:
    """rapidocr/models of the installed wheel; raises OcrEngineUnavailable when it is incomplete."""
    import importlib.util

    spec = importlib.util.find_spec("rapidocr")
    if spec is None or spec.origin is None:
        raise OcrEngineUnavailable(f"RapidOCR is not installed: {INSTALL_HINT}.")
    folder = Path(spec.origin).parent / "models"
    missing = [name for name in MODEL_FILES.values() if not (folder / name).is_file()]
    if missing:
        raise OcrEngineUnavailable(f"RapidOCR's models are missing ({', '.join(missing)}): reinstall rapidocr.")
    return folder


def wheel_models() -> dict[str, Path]:
    """The path of each task's model (Det, Rec) in the rapidocr wheel."""
    folder = model_folder()
    return {task: folder / file_name for task, file_name in MODEL_FILES.items()}


def model_params(backend: str, models: Mapping[str, Path], threads: int | None) -> dict[str, object]:
    """RapidOCR's settings: the model files of `models` on `backend`, quiet, a bounded thread count."""
    from rapidocr import EngineType

    params: dict[str, object] = {
        "Global.log_level": "error", "Global.max_side_len": MAX_SIDE, "Global.use_cls": False,
        "Rec.rec_img_shape": [3, REC_HEIGHT, REC_MIN_WIDTH],
    }
    for task, path in models.items():
        params[f"{task}.engine_type"] = EngineType(backend)
        params[f"{task}.model_path"] = str(path)
    if backend == OPENVINO:
        # One image at a time: LATENCY with one stream. No CACHE_DIR is set, so OpenVINO keeps its
        # compiled models in memory only (its model cache is off unless CACHE_DIR names a folder).
        params["EngineConfig.openvino.performance_hint"] = "LATENCY"
        params["EngineConfig.openvino.num_streams"] = 1
        if threads:
            params["EngineConfig.openvino.inference_num_threads"] = threads
    else:
        # onnxruntime's own memory arena, which RapidOCR turns off: without it every page's tensors
        # were fresh pages from the kernel (40,000 page faults and 0.14 s of system time a page on an
        # AVX2 EPYC), and a CLI import of 16 screenshots took 17.0 s against 15.3 s with it (four
        # alternating runs). The price is memory kept between pages (README, issue #13).
        params["EngineConfig.onnxruntime.enable_cpu_mem_arena"] = True
        if threads:
            params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
    return params


MODEL_LIST = "default_models.yaml"
"""RapidOCR's list of models to download (1,600 lines), which it parses as it is imported."""


@contextmanager
def _model_list_unread() -> Iterator[None]:
    """While it lasts, OmegaConf.load gives an empty configuration for RapidOCR's model list and
    parses every other file."""
    from omegaconf import OmegaConf

    load = OmegaConf.load

    def load_but_the_model_list(file_: object, **options: object) -> object:
        if isinstance(file_, (str, Path)) and Path(file_).name == MODEL_LIST:
            return OmegaConf.create({})
        return load(file_, **options)  # type: ignore[arg-type]

    OmegaConf.load = load_but_the_model_list  # type: ignore[assignment]
    try:
        yield
    finally:
        OmegaConf.load = load  # type: ignore[method-assign]


def import_rapidocr() -> type[RapidOCR]:
    """rapidocr's RapidOCR class, imported without parsing its list of models to download.

    Two of rapidocr's modules (utils/model_resolver.py, inference_engine/base.py) parsed the 1,600
    lines of default_models.yaml into OmegaConf objects as they were imported, 0.3 s apiece and most
    of the 0.85 s the import took, a quarter of an OCR worker's start (issue #13); parsed once it
    still took 0.12 s. RapidOCR reads the list only to download a model or a character list, which
    it never does here: the models are given by path (model_params) and carry their characters. Asked
    to download, it finds nothing to fetch and fails; the engine reports that it cannot load."""
    with _model_list_unread():
        from rapidocr import RapidOCR
    return RapidOCR


def build_model(backend: str, models: Mapping[str, Path]) -> RapidOCR:
    """RapidOCR with its detector and recogniser (`models`: task -> ONNX file) loaded now (it would
    load each on first use), phone screenshots scaled down for the detector
    (ocr/engines/detector_input.py) and the recogniser's batches padded to few widths on OpenVINO
    (ocr/engines/shapes.py). The two models load side by side: 0.46-0.57 s against 0.74-0.96 s one
    after the other with OpenVINO on two cores (issue #13). What the two loads import is imported
    here first: two threads importing OpenVINO at once see its modules half made (one worker start
    in five failed so)."""
    model = import_rapidocr()(params=model_params(backend, models, _threads))  # sets RapidOCR's log level
    _import_what_loading_needs(backend)
    with ThreadPoolExecutor(1, thread_name_prefix="model-load") as loader:  # compiling releases the GIL
        detector = loader.submit(load_detector, model, backend)
        load_recognizer(model, backend)
        detector.result()
    return model


def _import_what_loading_needs(backend: str) -> None:
    """Import, in this thread, the modules load_detector and load_recognizer use."""
    from rapidocr import EngineType
    from rapidocr.inference_engine.base import get_engine

    from . import detector_input, line_batches  # noqa: F401

    get_engine(EngineType(backend))  # imports the runtime and RapidOCR's session for it
    if backend == OPENVINO:
        from . import pixel_detector, top_classes  # noqa: F401


@contextmanager
def _replaced(module: object, name: str, replacement: object) -> Iterator[None]:
    """While it lasts, `module.name` is `replacement`: how RapidOCR is given the session or class to
    make in place of its own."""
    original = getattr(module, name)
    setattr(module, name, replacement)
    try:
        yield
    finally:
        setattr(module, name, original)


def load_detector(model: RapidOCR, backend: str) -> object:
    """`model`'s TextDetector, preparing pages with ocr/engines/detector_input.py; on OpenVINO its
    session is a PixelDetectorSession (ocr/engines/pixel_detector.py), given to RapidOCR in place of
    the session it would make, so the model is compiled once."""
    from rapidocr.ch_ppocr_det import main as detector_module

    from .detector_input import scale_portrait_pages

    if backend != OPENVINO:
        detector = model._load_det_model()
        scale_portrait_pages(detector)
        return detector
    from .pixel_detector import PixelDetectorSession

    with _replaced(detector_module, "get_engine", lambda engine_type: PixelDetectorSession):
        detector = model._load_det_model()
    scale_portrait_pages(detector, pixels=True)
    return detector


def load_recognizer(model: RapidOCR, backend: str) -> object:
    """`model`'s TextRecognizer as a GroupedRecognizer (ocr/engines/line_batches.py); on OpenVINO over
    a TopClassSession (ocr/engines/top_classes.py), its batches padded to few widths
    (ocr/engines/shapes.py)."""
    from rapidocr import main as rapidocr_module
    from rapidocr.ch_ppocr_rec import main as recognizer_module

    from .line_batches import GroupedRecognizer

    with _replaced(rapidocr_module, "TextRecognizer", GroupedRecognizer):
        if backend != OPENVINO:
            return model._load_rec_model()
        from .shapes import PaddedWidths
        from .top_classes import TopClassDecode, TopClassSession

        with _replaced(recognizer_module, "get_engine", lambda engine_type: TopClassSession):
            recognizer = model._load_rec_model()
    recognizer.session = PaddedWidths(recognizer.session)
    recognizer.width_step = recognizer.session.step
    recognizer.postprocess_op = TopClassDecode(recognizer.postprocess_op)
    return recognizer


def shared_model(backend: str) -> RapidOCR:
    """The process-wide RapidOCR instance of `backend`; it holds several hundred MB, so it is built
    once and lazily."""
    with _model_lock:
        if backend not in _models:
            models = wheel_models()
            try:
                _models[backend] = build_model(backend, models)
            except ImportError as e:
                raise OcrEngineUnavailable(f"RapidOCR is not installed: {INSTALL_HINT}.") from e
            except MemoryError:  # the worker's memory cap: reported as such by vault.ocr_jobs
                raise
            except Exception as e:  # omegaconf, onnxruntime and OpenVINO raise their own types
                raise OcrEngineUnavailable(f"RapidOCR could not load its models on {backend}: {e}") from e
        return _models[backend]


def rapidocr_installed() -> bool:
    """True when the rapidocr package and at least one of its backends can be imported."""
    import importlib.util

    return importlib.util.find_spec("rapidocr") is not None and any(map(backend_installed, BACKENDS))


@dataclass
class RapidOcrEngine:
    """OCR with RapidOCR; the model is shared by all instances of the process with the same backend."""

    backend: str = field(default_factory=default_backend)
    preprocess: PreprocessOptions = DEFAULT_PREPROCESS
    name: str = field(default="rapidocr", init=False)

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise OcrEngineUnavailable(
                f"Unknown OCR backend {self.backend!r}; known backends: {', '.join(BACKENDS)}."
            )
        if not rapidocr_installed():
            raise OcrEngineUnavailable(f"RapidOCR is not installed: {INSTALL_HINT}.")
        if not backend_installed(self.backend):
            raise OcrEngineUnavailable(f"The OCR backend {self.backend} is not installed: pip install {self.backend}.")

    def load(self) -> None:
        """Build the shared model now (0.4-0.8 s), e.g. in a worker while its parent stores files."""
        shared_model(self.backend)

    def recognize(self, image: Image.Image) -> list[OcrLine]:
        """Lines in reading order with boxes in the upright image's pixels."""
        return recognize_prepared(image, self.preprocess, self._recognize_page)

    def _recognize_page(self, image: Image.Image) -> list[OcrLine]:
        return read_page(shared_model(self.backend), image)


def read_page(model: RapidOCR, image: Image.Image) -> list[OcrLine]:
    """The lines a RapidOCR model reads on one prepared page."""
    import numpy as np  # loaded where pages are read (ocr/preprocess.py says why)

    bgr = np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])
    try:
        result = model(bgr)
    except MemoryError:
        raise
    except Exception as e:  # onnxruntime, OpenVINO and cv2 raise their own, unrelated types
        raise OcrEngineFailed(f"RapidOCR failed: {e}") from e
    if result.boxes is None or result.txts is None or result.scores is None:
        return []
    lines = []
    for points, text, score in zip(result.boxes, result.txts, result.scores):
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        bbox = (round(min(xs)), round(min(ys)), round(max(xs)), round(max(ys)))
        lines.append(OcrLine(text, bbox, float(score)))
    return lines

"""RapidOCR's inference backends: the per-machine choice, and both runtimes on real pixels, offline."""
from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pytest

from bench.screenshots import generate_template
from ocr.engines import RapidOcrEngine, backends, create_engine, describe_engines, installed_backends, rapid
from ocr.errors import OcrEngineUnavailable
from ocr.types import FieldType

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("cpuinfo", "expected"),
    [
        pytest.param("processor\t: 0\nflags\t\t: fpu sse4_2 avx2 avx512f\n\nflags : other\n",
                     {"fpu", "sse4_2", "avx2", "avx512f"}, id="first-processor"),
        pytest.param("processor : 0\nFeatures : fp asimd\n", set(), id="arm-has-no-flags-line"),
        pytest.param("", set(), id="empty"),
    ],
)
def test_cpu_flags_come_from_the_first_processor(cpuinfo: str, expected: set[str]) -> None:
    assert backends.cpu_flags(cpuinfo) == expected


AVX512 = {"avx512f", "avx512bw", "avx512dq", "avx512vl"}


@pytest.mark.parametrize(
    ("machine", "flags", "suits"),
    [
        pytest.param("x86_64", {"sse4_2", "avx2", *AVX512, "avx512_bf16"}, True, id="avx512-bf16-x86"),
        pytest.param("x86_64", {"sse4_2", "avx2", *AVX512}, True, id="avx512-x86"),
        pytest.param("AMD64", set(AVX512), True, id="windows-with-avx512"),
        pytest.param("x86_64", {"sse4_2", "avx2", "avx512f"}, False, id="xeon-phi-avx512f-alone"),
        pytest.param("x86_64", {"sse4_2", "avx2", "fma"}, False, id="avx2-only-x86"),
        pytest.param("x86_64", {"sse4_2", "avx"}, False, id="x86-without-avx2"),
        pytest.param("AMD64", None, False, id="features-unreadable"),
        pytest.param("aarch64", {"fp", "asimd"}, False, id="arm-linux"),
        pytest.param("arm64", None, False, id="apple-silicon"),
    ],
)
def test_openvino_only_where_the_cpu_suits_it(machine: str, flags: set[str] | None, suits: bool) -> None:
    assert backends.cpu_suits_openvino(machine, flags) is suits


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        pytest.param("1\n1\n1\n1\n", AVX512, id="intel-mac-with-avx512"),
        pytest.param("0\n0\n0\n0\n", set(), id="intel-mac-avx2"),
        pytest.param("", set(), id="keys-missing"),
    ],
)
def test_macos_flags_from_sysctl(output: str, expected: set[str]) -> None:
    assert backends.sysctl_flags(sorted(AVX512), output) == expected


@pytest.mark.skipif(not backends.CPU_FLAGS_FILE.is_file(), reason="no /proc/cpuinfo on this system")
def test_the_choice_reads_this_machines_cpu_flags() -> None:
    flags = backends.cpu_flags(backends.CPU_FLAGS_FILE.read_text(encoding="utf-8"))
    suits = backends.cpu_suits_openvino(platform.machine(), flags)
    expected = backends.OPENVINO if backends.backend_installed(backends.OPENVINO) and suits else backends.ONNXRUNTIME

    assert backends.default_backend() == expected


def test_onnxruntime_when_openvino_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backends, "backend_installed", lambda backend: backend == backends.ONNXRUNTIME)

    assert backends.default_backend() == backends.ONNXRUNTIME


def test_unknown_backend_names_the_known_ones() -> None:
    with pytest.raises(OcrEngineUnavailable, match="known backends: openvino, onnxruntime"):
        create_engine("rapidocr", "tensorrt")


def test_missing_backend_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ocr.engines.rapid.backend_installed", lambda backend: backend != "openvino")

    with pytest.raises(OcrEngineUnavailable, match="pip install openvino"):
        RapidOcrEngine("openvino")


def test_version_line_names_the_chosen_backend() -> None:
    line = describe_engines("onnxruntime")

    assert line.startswith("OCR: ")
    if "onnxruntime" in installed_backends():
        assert "PP-OCRv6-small on onnxruntime " in line


def test_version_line_says_when_openvino_would_be_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ocr.engines.default_backend", lambda: backends.ONNXRUNTIME)
    monkeypatch.setattr("ocr.engines.installed_backends", lambda: [backends.OPENVINO, backends.ONNXRUNTIME])

    assert ", chosen where the CPU has AVX-512" in describe_engines()
    assert "chosen where" not in describe_engines("onnxruntime"), "asked for by name: no reason to give"


def test_version_line_says_which_precision_openvino_computes_in() -> None:
    if "openvino" not in installed_backends():
        pytest.skip("openvino is not installed")
    precision = backends.openvino_precision()

    assert precision in {"bf16", "f32", "f16"}
    assert f"on openvino {version('openvino')} in {precision}" in describe_engines("openvino")


@pytest.fixture(params=backends.BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    if request.param not in installed_backends():
        pytest.skip(f"{request.param} is not installed")
    return request.param


@pytest.mark.ocr
@pytest.mark.slow
def test_both_backends_read_the_same_order_number(backend: str) -> None:
    sample = generate_template("jd_order_detail", seed=1, index=0)
    order_number = next(value for kind, value in sample.fields if kind is FieldType.ORDER_NO)

    lines = create_engine("rapidocr", backend).recognize(sample.image)

    assert order_number in "".join(line.text for line in lines).replace(" ", "")


@pytest.mark.ocr
@pytest.mark.slow
def test_short_lines_are_read_in_batches_narrower_than_rapidocrs_320_columns(
    backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    recognizer = rapid.shared_model(backend)._load_rec_model()
    widths: list[int] = []
    session = recognizer.session

    def recording(batch: np.ndarray) -> np.ndarray:
        widths.append(batch.shape[-1])
        return session(batch)

    monkeypatch.setattr(recognizer, "session", recording)
    sample = generate_template("jd_order_detail", seed=1, index=0)
    order_number = next(value for kind, value in sample.fields if kind is FieldType.ORDER_NO)

    lines = create_engine("rapidocr", backend).recognize(sample.image)

    assert min(widths) == rapid.REC_MIN_WIDTH < 320
    assert order_number in "".join(line.text for line in lines).replace(" ", "")


@pytest.mark.ocr
def test_onnxruntime_sessions_keep_their_memory_between_pages() -> None:
    if "onnxruntime" not in installed_backends():
        pytest.skip("onnxruntime is not installed")
    model = rapid.shared_model("onnxruntime")

    sessions = [model.text_det.session.session, model.text_rec.session.session]

    assert all(session.get_session_options().enable_cpu_mem_arena for session in sessions)


IMPORT_CHILD = """
import json
from omegaconf import OmegaConf
load = OmegaConf.load
from ocr.engines.rapid import import_rapidocr
import_rapidocr()
from rapidocr.inference_engine.base import InferSession
from rapidocr.utils import model_resolver
print(json.dumps([len(model_resolver._MODEL_CONFIG), len(InferSession.model_info), OmegaConf.load is load]))
"""


def test_rapidocr_is_imported_without_parsing_its_download_list_and_omegaconf_restored() -> None:
    completed = subprocess.run(  # a fresh interpreter: this one may have imported rapidocr already
        [sys.executable, "-c", IMPORT_CHILD], env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True, text=True, timeout=120, check=True,
    )

    resolver_models, session_models, restored = json.loads(completed.stdout.splitlines()[-1])
    assert resolver_models == session_models == 0 and restored


BUILD_CHILD = """
import json, sys, threading
from ocr.engines import rapid
loaded_off_main = []
def note(event, args):
    if event == "import" and threading.current_thread() is not threading.main_thread():
        loaded_off_main.append(args[0])
sys.addaudithook(note)
rapid.build_model(sys.argv[1], rapid.wheel_models())
print(json.dumps(loaded_off_main))
"""


@pytest.mark.ocr
def test_the_models_load_side_by_side_without_importing_in_two_threads(backend: str) -> None:
    """Two threads importing OpenVINO at once saw its modules half made: one worker start in five failed."""
    completed = subprocess.run(  # a fresh interpreter, so that every module is imported anew
        [sys.executable, "-c", BUILD_CHILD, backend], env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True, text=True, timeout=120, check=True,
    )

    assert json.loads(completed.stdout.splitlines()[-1]) == []
    assert completed.stderr == ""  # RapidOCR logs at INFO until its configuration quietens it


OFFLINE_CHILD = """
import json, socket, sys
def refuse(*args, **kwargs):
    raise OSError("network unreachable (test)")
socket.getaddrinfo = refuse
socket.socket.connect = refuse
from bench.screenshots import generate_template
from ocr.engines import create_engine
lines = create_engine("rapidocr", sys.argv[1]).recognize(generate_template("jd_order_detail", seed=1).image)
print(json.dumps([line.text for line in lines], ensure_ascii=False))
"""


def _without_network() -> list[str]:
    """`unshare -n` (a network namespace with only a down loopback) where this user may create one."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True, check=False).returncode == 0:
        return [unshare, "-n"]
    return []


@pytest.mark.ocr
@pytest.mark.slow
@pytest.mark.timeout(180)
def test_engine_starts_offline_and_writes_nothing_under_home_or_tmpdir(backend: str, tmp_path: Path) -> None:
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    broken_proxy = "http://127.0.0.1:9"  # the discard port: nothing answers
    env = {
        **os.environ, "HOME": str(home), "TMPDIR": str(tmp), "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local/share"),
        "http_proxy": broken_proxy, "https_proxy": broken_proxy, "HTTP_PROXY": broken_proxy,
        "HTTPS_PROXY": broken_proxy, "no_proxy": "", "PYTHONPATH": str(REPO_ROOT),
    }

    completed = subprocess.run(
        [*_without_network(), sys.executable, "-c", OFFLINE_CHILD, backend],
        env=env, capture_output=True, text=True, timeout=170, check=False,
    )

    assert completed.returncode == 0, completed.stderr
    assert any("订单" in text for text in json.loads(completed.stdout.splitlines()[-1]))
    assert sorted(home.rglob("*")) == [] and sorted(tmp.rglob("*")) == []

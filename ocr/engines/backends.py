"""Which inference runtime runs RapidOCR's models on this machine: OpenVINO or onnxruntime.

OpenVINO read the same PP-OCRv6 models in 0.27-0.39x of onnxruntime's time on an AVX-512 x86-64
CPU (issue #13, bench/import_throughput.py). Its CPU plugin targets x86-64 with AVX2 and newer
vector units; elsewhere (ARM, older x86) onnxruntime is the measured and safe choice.
"""
from __future__ import annotations

import importlib.util
import platform
from pathlib import Path

from ocr.engine_names import BackendName

OPENVINO = BackendName.OPENVINO
ONNXRUNTIME = BackendName.ONNXRUNTIME
BACKENDS = tuple(BackendName)
"""Every backend the RapidOCR engine knows, best first."""

_MODULES = {OPENVINO: "openvino", ONNXRUNTIME: "onnxruntime"}
_X86_64 = {"x86_64", "amd64"}
CPU_FLAGS_FILE = Path("/proc/cpuinfo")


def backend_installed(backend: str) -> bool:
    """True when the backend's Python package can be imported."""
    return backend in _MODULES and importlib.util.find_spec(_MODULES[backend]) is not None


def installed_backends() -> list[str]:
    """Installed backends, best first."""
    return [backend for backend in BACKENDS if backend_installed(backend)]


def cpu_flags(cpuinfo: str) -> set[str]:
    """The feature flags of the first processor in a /proc/cpuinfo text."""
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "flags":
            return set(value.split())
    return set()


def cpu_suits_openvino(machine: str, flags: set[str] | None) -> bool:
    """OpenVINO's CPU plugin is fast on x86-64 with AVX2; `flags` None means they cannot be read
    (not Linux), where every 64-bit x86 CPU sold since 2015 has AVX2."""
    if machine.lower() not in _X86_64:
        return False
    return flags is None or "avx2" in flags


def _this_cpu_flags() -> set[str] | None:
    try:
        return cpu_flags(CPU_FLAGS_FILE.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None


def openvino_precision() -> str | None:
    """The precision OpenVINO's CPU plugin computes in on this machine ('bf16' where the CPU has
    AVX512_BF16 or AMX, else 'f32'); None when OpenVINO cannot say.

    OpenVINO chooses bf16 by itself on such CPUs: on this machine's AVX512_BF16 it read 16
    screenshots in 5.9 s against 7.8 s with f32 forced, with field accuracy measured in bf16 (README).
    """
    if not backend_installed(OPENVINO):
        return None
    try:
        from openvino import Core

        return Core().get_property("CPU", "INFERENCE_PRECISION_HINT").get_type_name()
    except Exception:  # an OpenVINO without a CPU plugin, or one that names the property otherwise
        return None


def default_backend() -> str:
    """OpenVINO when it is installed and the CPU suits it, else onnxruntime."""
    if backend_installed(OPENVINO) and cpu_suits_openvino(platform.machine(), _this_cpu_flags()):
        return OPENVINO
    return ONNXRUNTIME

"""Which inference runtime runs RapidOCR's models on this machine: OpenVINO or onnxruntime.

OpenVINO wins where the CPU has AVX-512. On the two machines measured with it (an AMD EPYC with
AVX512_BF16, an Intel Xeon with AMX) it computed in bf16 and read the 16 screenshots of
bench/import_throughput.py in about half of onnxruntime's time; forcing f32 there cost 1.3x (5.9
against 7.8 s), so AVX-512 without bf16 is expected, not measured, to favour it too. On an AVX2-only
EPYC (Zen 3) it computed in f32 no faster than onnxruntime bare, and `evidence-vault import` was
10-20 % slower with OpenVINO's one worker of two threads than with onnxruntime's two single-thread
workers in each of three blocks of alternating runs (issue #13, README); on the EPYC with AVX512_BF16
it was again the faster (9.5 against 11.5-12.1 s). Elsewhere (ARM, older x86, a CPU whose features
cannot be read) onnxruntime is the measured and safe choice.
"""
from __future__ import annotations

import importlib.util
import platform
import subprocess
import sys
from pathlib import Path

from ocr.engine_names import BackendName

OPENVINO = BackendName.OPENVINO
ONNXRUNTIME = BackendName.ONNXRUNTIME
BACKENDS = tuple(BackendName)
"""Every backend the RapidOCR engine knows, best first."""

_MODULES = {OPENVINO: "openvino", ONNXRUNTIME: "onnxruntime"}
_X86_64 = {"x86_64", "amd64"}
AVX512 = frozenset({"avx512f", "avx512bw", "avx512dq", "avx512vl"})
"""The AVX-512 subsets OpenVINO's CPU plugin needs for its AVX-512 kernels (its avx512_core level);
every AVX-512 CPU but the Xeon Phi has them all."""
CPU_FLAGS_FILE = Path("/proc/cpuinfo")
PF_AVX512F_INSTRUCTIONS_AVAILABLE = 41
"""Windows' IsProcessorFeaturePresent code for AVX-512 (winnt.h)."""


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
    """True on x86-64 with AVX-512; `flags` None means they could not be read."""
    return machine.lower() in _X86_64 and flags is not None and AVX512 <= flags


def _this_cpu_flags() -> set[str] | None:
    """This CPU's feature flags as Linux names them, as far as the system tells: all of them on
    Linux, the AVX-512 ones on Windows and macOS; None when it cannot be asked."""
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]  # Windows only
        present = kernel32.IsProcessorFeaturePresent(PF_AVX512F_INSTRUCTIONS_AVAILABLE)
        return set(AVX512) if present else set()
    if sys.platform == "darwin":
        return _macos_flags()
    try:
        return cpu_flags(CPU_FLAGS_FILE.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None


def _macos_flags() -> set[str] | None:
    names = sorted(AVX512)
    try:
        completed = subprocess.run(["sysctl", "-n", *(f"hw.optional.{name}" for name in names)],
                                   capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return sysctl_flags(names, completed.stdout)


def sysctl_flags(names: list[str], output: str) -> set[str]:
    """The names whose line of `sysctl -n hw.optional.NAME …` output is 1 (a missing key prints no line)."""
    values = output.split()
    if len(values) != len(names):
        return set()
    return {name for name, value in zip(names, values) if value == "1"}


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
    """OpenVINO when it is installed and the CPU has AVX-512, else onnxruntime."""
    if backend_installed(OPENVINO) and cpu_suits_openvino(platform.machine(), _this_cpu_flags()):
        return OPENVINO
    return ONNXRUNTIME

"""Signed exports (PAdES B-B), RFC 3161 timestamps (B-T and later document timestamps) and the recipient's check."""
from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest

from export import build_dossier
from export.check_report import report_lines
from export.dossier_check import AttachmentState, InputProblem, UnusableInput, check_dossier
from export.request import DossierRequest, ExportOptions, ExportResult
from export.signing import SigningFailed, SigningSettings, TimestampState, TsaSettings, add_document_timestamp
from tests.export.conftest import tiny_request
from tests.export.tsa import SLOW_SECONDS, TsaPki, make_pki, running_tsa
from vault.signing_key import SigningIdentity, new_identity


@pytest.fixture(scope="module")
def identity() -> SigningIdentity:
    return new_identity("张三")


@pytest.fixture(scope="module")
def pki() -> TsaPki:
    return make_pki()


@pytest.fixture
def tsa(pki: TsaPki):
    with running_tsa(pki) as server:
        yield server


def _closed_port_url() -> str:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/tsa"


def export(tmp_path: Path, identity: SigningIdentity, tsa: TsaSettings | None = None, password: str | None = None,
           request: DossierRequest | None = None) -> ExportResult:
    request = replace(request or tiny_request(2), signer_fingerprint=identity.fingerprint)
    signing = SigningSettings(identity.key_pem, identity.certificate_pem, tsa)
    return build_dossier(request, ExportOptions(password=password, signing=signing), tmp_path / "dossier.pdf")


def test_signed_export_checks_and_pdfsig_and_qpdf_accept_it(tmp_path: Path, identity: SigningIdentity) -> None:
    result = export(tmp_path, identity)
    assert result.signature.timestamp == TimestampState.NOT_REQUESTED
    check = check_dossier(result.path, certificate_pem=identity.certificate_pem)
    assert check.ok and check.signed and check.intact and check.covers_whole_file
    assert check.signer_name == "张三" and check.signer_fingerprint == identity.fingerprint
    assert check.fingerprint_matches_manifest and check.signer_trusted is True and check.timestamps == []
    assert check.pages == result.pages
    assert [(a.name, a.state) for a in check.attachments] == [
        ("001_small-1.png", AttachmentState.MATCHES), ("002_small-2.png", AttachmentState.MATCHES)]
    pdfsig = subprocess.run(["pdfsig", str(result.path)], capture_output=True, text=True)
    assert "Signature is Valid" in pdfsig.stdout and "Total document signed" in pdfsig.stdout
    assert subprocess.run(["qpdf", "--check", str(result.path)], capture_output=True).returncode == 0


def test_timestamp_at_export_is_trusted_under_its_root(tmp_path: Path, identity: SigningIdentity, pki: TsaPki,
                                                       tsa) -> None:
    result = export(tmp_path, identity, TsaSettings(tsa.url, (pki.root_pem,)))
    assert result.signature.timestamp == TimestampState.ADDED
    check = check_dossier(result.path, tsa_roots_pem=(pki.root_pem,))
    assert check.ok and [(t.on_document, t.intact, t.trusted) for t in check.timestamps] == [(False, True, True)]
    other = make_pki("Some Other Root")
    untrusted = check_dossier(result.path, tsa_roots_pem=(other.root_pem,))
    assert not untrusted.ok and untrusted.timestamps[0].trusted is False
    assert any("✗ 时间戳机构不受" in line for line in report_lines(untrusted))


def test_tsa_down_signs_pending_then_timestamp_later(tmp_path: Path, identity: SigningIdentity, pki: TsaPki,
                                                     tsa) -> None:
    result = export(tmp_path, identity, TsaSettings(_closed_port_url(), timeout=2))
    assert result.signature.timestamp == TimestampState.PENDING
    assert "could not be reached" in result.signature.timestamp_problem
    assert check_dossier(result.path).ok
    signed_size = result.path.stat().st_size

    add_document_timestamp(result.path, TsaSettings(tsa.url, (pki.root_pem,)), None)
    assert result.path.stat().st_size > signed_size
    check = check_dossier(result.path, tsa_roots_pem=(pki.root_pem,))
    assert check.ok and check.intact and check.covers_whole_file
    assert [(t.on_document, t.trusted) for t in check.timestamps] == [(True, True)]
    # poppler verifies the signature, which now covers its revision; it cannot verify RFC 3161 document
    # timestamps ("Unable to validate this type of signature") and lists the second entry unverified.
    pdfsig = subprocess.run(["pdfsig", str(result.path)], capture_output=True, text=True)
    first, second = pdfsig.stdout.split("Signature #2:")
    assert "Signature is Valid" in first and "Test TSA" in second and "Total document signed" in second


def test_failed_later_timestamp_leaves_the_file_as_it_was(tmp_path: Path, identity: SigningIdentity) -> None:
    result = export(tmp_path, identity)
    before = result.path.read_bytes()
    with pytest.raises(SigningFailed, match="could not be reached"):
        add_document_timestamp(result.path, TsaSettings(_closed_port_url(), timeout=2), None)
    assert result.path.read_bytes() == before


@pytest.mark.parametrize(("mode", "problem"), [
    pytest.param("garbage", "not an RFC 3161 timestamp", id="garbage-answer"),
    pytest.param("slow", "did not answer in time", id="slow-tsa-timeout"),
    pytest.param("no_eku", "no timeStamping extended key usage", id="certificate-without-eku"),
])
def test_misbehaving_tsa_leaves_the_dossier_signed(tmp_path: Path, identity: SigningIdentity, tsa, mode: str,
                                                   problem: str) -> None:
    tsa.mode = mode
    result = export(tmp_path, identity, TsaSettings(tsa.url, timeout=SLOW_SECONDS / 3))
    assert result.signature.timestamp == TimestampState.PENDING
    assert problem in result.signature.timestamp_problem
    check = check_dossier(result.path)
    assert check.ok and check.timestamps == []


def test_tsa_outside_the_given_root_is_refused_at_export(tmp_path: Path, identity: SigningIdentity, tsa) -> None:
    other = make_pki("Some Other Root")
    result = export(tmp_path, identity, TsaSettings(tsa.url, (other.root_pem,)))
    assert result.signature.timestamp == TimestampState.PENDING
    assert "does not chain to the given TSA root" in result.signature.timestamp_problem


@pytest.mark.parametrize("where", [
    pytest.param(0.05, id="near-the-start"),
    pytest.param(0.5, id="middle"),
    pytest.param(0.97, id="near-the-end"),
])
def test_one_changed_byte_breaks_the_signature(tmp_path: Path, identity: SigningIdentity, where: float) -> None:
    result = export(tmp_path, identity)
    data = bytearray(result.path.read_bytes())
    data[int(len(data) * where)] ^= 0x01
    result.path.write_bytes(bytes(data))
    check = check_dossier(result.path)
    assert not check.ok and (check.damaged or not check.intact or not check.covers_whole_file)


def test_swapped_attachment_is_named(tmp_path: Path, identity: SigningIdentity) -> None:
    result = export(tmp_path, identity)
    tampered = tmp_path / "tampered.pdf"
    with pikepdf.open(result.path) as pdf:
        pdf.attachments["002_small-2.png"] = pikepdf.AttachedFileSpec(pdf, b"another picture")
        pdf.save(tampered)
    check = check_dossier(tampered)
    assert not check.ok
    assert [(a.name, a.state) for a in check.attachments] == [
        ("001_small-1.png", AttachmentState.MATCHES), ("002_small-2.png", AttachmentState.CHANGED)]
    assert "  ✗ 002_small-2.png：SHA-256 与清单不符（附件被替换或改动）" in report_lines(check)


def test_password_protected_dossier_signs_and_checks(tmp_path: Path, identity: SigningIdentity, pki: TsaPki,
                                                     tsa) -> None:
    result = export(tmp_path, identity, TsaSettings(tsa.url), password="开门 secret")
    assert result.signature.timestamp == TimestampState.ADDED
    with pytest.raises(UnusableInput) as needed:
        check_dossier(result.path)
    assert needed.value.reason == InputProblem.PASSWORD_NEEDED
    with pytest.raises(UnusableInput) as wrong:
        check_dossier(result.path, "wrong")
    assert wrong.value.reason == InputProblem.WRONG_PASSWORD
    check = check_dossier(result.path, "开门 secret", (pki.root_pem,))
    assert check.ok and check.encrypted and len(check.attachments) == 2
    pdfsig = subprocess.run(["pdfsig", "-upw", "开门 secret", str(result.path)], capture_output=True, text=True)
    assert "Signature is Valid" in pdfsig.stdout
    assert subprocess.run(["qpdf", "--password=开门 secret", "--check", str(result.path)],
                          capture_output=True).returncode == 0


def test_random_file_and_unsigned_pdf(tmp_path: Path) -> None:
    noise = tmp_path / "noise.pdf"
    noise.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(UnusableInput) as not_pdf:
        check_dossier(noise)
    assert not_pdf.value.reason == InputProblem.NOT_PDF
    unsigned = build_dossier(tiny_request(1), ExportOptions(), tmp_path / "unsigned.pdf")
    check = check_dossier(unsigned.path)
    assert not check.ok and not check.signed
    assert "✗ 文件没有证据保险箱的电子签名（可能不是导出的原件，或签名已被去除）。" in report_lines(check)


def test_a_signed_dossier_stays_under_the_size_limit(tmp_path: Path, identity: SigningIdentity,
                                                      small_request: DossierRequest) -> None:
    """The limit is for the file the user uploads: the signature added after the size check fits in it."""
    request = replace(small_request, signer_fingerprint=identity.fingerprint)
    signing = SigningSettings(identity.key_pem, identity.certificate_pem)
    unlimited = build_dossier(request, ExportOptions(signing=signing), tmp_path / "full.pdf")
    limit = int(unlimited.size * 0.85)
    limited = build_dossier(request, ExportOptions(signing=signing, max_size=limit), tmp_path / "limited.pdf")
    assert limited.size <= limit
    assert check_dossier(limited.path).ok

"""Checking a received dossier: signature, timestamps, attachments against the manifest, page count.

For whoever receives a dossier (a court, a regulator, the platform): needs neither the vault nor
its passphrase, only the PDF (and its password, when it has one). Returns data; export.check_report
words it.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

import pikepdf
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from export.errors import ExportError
from export.output import MANIFEST_FORMAT, MANIFEST_KEY
from export.signing import SIGNATURE_FIELD, load_certificates


class UnusableInput(ExportError):
    """The file is not a PDF, cannot be read, or its password is missing or wrong; `reason` says which."""

    def __init__(self, reason: InputProblem, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class InputProblem(StrEnum):
    NOT_PDF = "not_pdf"
    UNREADABLE = "unreadable"
    PASSWORD_NEEDED = "password_needed"
    WRONG_PASSWORD = "wrong_password"


class AttachmentState(StrEnum):
    MATCHES = "matches"
    CHANGED = "changed"
    MISSING = "missing"
    """Listed in the manifest but not attached."""
    UNLISTED = "unlisted"
    """Attached but not in the manifest: added after export."""


@dataclass(frozen=True)
class AttachmentCheck:
    name: str
    state: AttachmentState
    expected_sha256: str = ""
    actual_sha256: str = ""


@dataclass(frozen=True)
class TimestampCheck:
    """One RFC 3161 timestamp: on the signature (PAdES B-T) or on the document, added later."""

    time: datetime
    on_document: bool
    intact: bool
    trusted: bool | None
    """None when no TSA root was given to check it against."""


@dataclass
class DossierCheck:
    pages: int = 0
    encrypted: bool = False
    damaged: bool = False
    """Readable as a PDF (with repairs) but its structure is broken, as a change after signing leaves it."""
    signed: bool = False
    intact: bool = False
    """The signature's bytes match the file it covers and its cryptography is sound."""
    covers_whole_file: bool = False
    """Signed to the last byte, or followed only by timestamps (PAdES document timestamps)."""
    signer_name: str = ""
    signer_fingerprint: str = ""
    signing_time: datetime | None = None
    signer_trusted: bool | None = None
    """Against the certificate the recipient was given (`--cert`); None without one."""
    manifest_found: bool = False
    manifest_fingerprint: str = ""
    timestamps: list[TimestampCheck] = field(default_factory=list)
    attachments: list[AttachmentCheck] = field(default_factory=list)

    @property
    def fingerprint_matches_manifest(self) -> bool:
        """The key that signed is the one the dossier names on its cover and in its manifest."""
        return bool(self.signer_fingerprint) and self.signer_fingerprint == self.manifest_fingerprint

    @property
    def ok(self) -> bool:
        """Everything checked holds; a missing timestamp or an unchecked trust is reported, not failed."""
        return (not self.damaged and self.signed and self.intact and self.covers_whole_file and self.manifest_found
                and self.fingerprint_matches_manifest and self.signer_trusted is not False
                and all(t.intact and t.trusted is not False for t in self.timestamps)
                and all(a.state == AttachmentState.MATCHES for a in self.attachments))


def check_dossier(path: Path, password: str | None = None, tsa_roots_pem: tuple[bytes, ...] = (),
                  certificate_pem: bytes | None = None) -> DossierCheck:
    """Check the dossier at `path`; raises UnusableInput when there is nothing to check."""
    with open(path, "rb") as handle:
        if not handle.read(1024).lstrip().startswith(b"%PDF-"):
            raise UnusableInput(InputProblem.NOT_PDF, f"{path} is not a PDF file")
    report = DossierCheck()
    _check_contents(path, password, report)
    _check_signatures(path, password, tsa_roots_pem, certificate_pem, report)
    return report


def _check_contents(path: Path, password: str | None, report: DossierCheck) -> None:
    try:
        pdf = pikepdf.open(path, password=password or "")
    except pikepdf.PasswordError as e:
        reason = InputProblem.WRONG_PASSWORD if password else InputProblem.PASSWORD_NEEDED
        raise UnusableInput(reason, f"{path} is protected by a password") from e
    except pikepdf.PdfError as e:
        raise UnusableInput(InputProblem.UNREADABLE, f"{path} cannot be read as a PDF") from e
    with pdf:
        report.pages = len(pdf.pages)
        report.encrypted = pdf.is_encrypted
        manifest = _manifest(pdf)
        report.manifest_found = manifest is not None
        if manifest is None:
            return
        report.manifest_fingerprint = str(manifest.get("signer_fingerprint", ""))
        report.attachments = _compare_attachments(pdf, manifest.get("attachments", []))


def _manifest(pdf: pikepdf.Pdf) -> dict | None:
    stream = pdf.Root.get(MANIFEST_KEY)
    if not isinstance(stream, pikepdf.Stream):
        return None
    try:
        manifest = json.loads(stream.read_bytes().decode("utf-8"))
    except (ValueError, pikepdf.PdfError):
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("format") == MANIFEST_FORMAT else None


def _compare_attachments(pdf: pikepdf.Pdf, listed: list) -> list[AttachmentCheck]:
    """Each attachment's SHA-256 against the manifest, one attachment in memory at a time."""
    expected = {str(entry.get("name", "")): str(entry.get("sha256", "")) for entry in listed if isinstance(entry, dict)}
    attached = pdf.attachments
    checks = []
    for name, sha256 in expected.items():
        if name not in attached:
            checks.append(AttachmentCheck(name, AttachmentState.MISSING, sha256))
            continue
        actual = hashlib.sha256(attached[name].get_file().read_bytes()).hexdigest()
        state = AttachmentState.MATCHES if actual == sha256 else AttachmentState.CHANGED
        checks.append(AttachmentCheck(name, state, sha256, actual))
    for name in attached:
        if name not in expected:
            actual = hashlib.sha256(attached[name].get_file().read_bytes()).hexdigest()
            checks.append(AttachmentCheck(name, AttachmentState.UNLISTED, "", actual))
    return checks


def _check_signatures(path: Path, password: str | None, tsa_roots_pem: tuple[bytes, ...],
                      certificate_pem: bytes | None, report: DossierCheck) -> None:
    tsa_roots = [root for pem in tsa_roots_pem for root in load_certificates(pem)]
    with open(path, "rb") as handle:
        try:
            reader = PdfFileReader(handle, strict=False)
            if reader.security_handler is not None:
                reader.decrypt(password or "")
            signatures = [s for s in reader.embedded_regular_signatures if s.field_name == SIGNATURE_FIELD]
            document_timestamps = reader.embedded_timestamp_signatures
        except (PdfError, ValueError, KeyError):
            report.damaged = True
            return
        if not signatures:
            return
        report.signed = True
        signature = signatures[0]
        signer = signature.signer_cert
        report.signer_name = _common_name(signer)
        report.signer_fingerprint = hashlib.sha256(signer.dump()).hexdigest()
        if certificate_pem is not None:
            report.signer_trusted = any(c.dump() == signer.dump() for c in load_certificates(certificate_pem))
        # The signer's certificate is self-signed: trusting it here checks the cryptography, and
        # whether it is the right key is the fingerprint comparison above (and on the cover).
        own = ValidationContext(trust_roots=[signer])
        tsa_context = ValidationContext(trust_roots=tsa_roots) if tsa_roots else None
        try:
            status = validate_pdf_signature(signature, signer_validation_context=own,
                                            ts_validation_context=tsa_context or own)
        except (SignatureValidationError, PdfError, ValueError):
            report.damaged = True
            return
        report.intact = status.intact and status.valid
        report.signing_time = status.signer_reported_dt
        report.covers_whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE or (
            status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
            and status.modification_level in (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES)
            and _last_timestamp_covers_file(document_timestamps))
        if status.timestamp_validity is not None:
            stamp = status.timestamp_validity
            report.timestamps.append(TimestampCheck(stamp.timestamp, False, stamp.intact and stamp.valid,
                                                    stamp.trusted if tsa_roots else None))
        for embedded in document_timestamps:
            stamp = validate_pdf_timestamp(embedded, validation_context=tsa_context or _self_trusting(embedded))
            report.timestamps.append(TimestampCheck(stamp.timestamp, True, stamp.intact and stamp.valid,
                                                    stamp.trusted if tsa_roots else None))


def _last_timestamp_covers_file(document_timestamps: list) -> bool:
    return bool(document_timestamps) and document_timestamps[-1].evaluate_signature_coverage() == \
        SignatureCoverageLevel.ENTIRE_FILE


def _self_trusting(embedded: object) -> ValidationContext:
    """Trusts the TSA certificate in the token, to check a timestamp's cryptography when no root was given."""
    return ValidationContext(trust_roots=[embedded.signer_cert])


def _common_name(certificate: asn1_x509.Certificate) -> str:
    return str(certificate.subject.native.get("common_name", ""))

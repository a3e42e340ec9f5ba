"""Signing the finished dossier (PAdES B-B) and adding RFC 3161 timestamps (PAdES B-T, document timestamps).

The signature is the last thing written: it covers every byte of the file, originals included, so
a recipient (or `pdfsig`, or a PDF reader) sees any change made after export (issue #15). A time
stamping authority that cannot be reached, answers nonsense or is not a TSA never costs the user
the export: the dossier is signed without the timestamp and marked pending, and
`add_document_timestamp` adds one later as an incremental update that leaves the signature intact.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from asn1crypto import cms, keys as asn1_keys, x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError, ValidationError

from export.errors import ExportError

SIGNATURE_FIELD = "EvidenceVaultSignature"
DIGEST = "sha256"
TSA_TIMEOUT_SECONDS = 15


class TimestampState(StrEnum):
    """Whether a dossier carries the RFC 3161 timestamp its export asked for."""

    NOT_REQUESTED = "not_requested"
    ADDED = "added"
    PENDING = "pending"
    """Asked for but not obtained: the dossier is signed and waits for `evidence-vault timestamp` (待加时间戳)."""


@dataclass(frozen=True)
class TsaSettings:
    """An RFC 3161 time stamping authority; no address is built in, the user names one."""

    url: str
    roots_pem: tuple[bytes, ...] = ()
    """CA certificates the TSA's certificate must chain to; empty: only its timeStamping EKU is checked."""
    user: str = ""
    password: str = ""
    timeout: float = TSA_TIMEOUT_SECONDS


@dataclass(frozen=True)
class SigningSettings:
    """The vault's key and certificate (PEM), and the TSA to timestamp the signature with, if any."""

    key_pem: bytes
    certificate_pem: bytes
    tsa: TsaSettings | None = None


@dataclass(frozen=True)
class SignatureOutcome:
    timestamp: TimestampState
    timestamp_problem: str = ""
    """Why a requested timestamp is pending, in English, for the audit log and the export summary."""


class SigningFailed(ExportError):
    """The dossier could not be signed, or a later timestamp could not be added; the file is unchanged."""


def load_certificates(pem: bytes) -> tuple[asn1_x509.Certificate, ...]:
    """Every certificate in a PEM (or DER) file, e.g. a TSA's CA bundle."""
    try:
        certificates = x509.load_pem_x509_certificates(pem) if b"-----BEGIN" in pem else [
            x509.load_der_x509_certificate(pem)]
    except ValueError as e:
        raise SigningFailed("the certificate file holds no PEM or DER certificate") from e
    return tuple(asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in certificates)


class CheckedTimeStamper(RequestsHTTPTimeStamper):
    """An HTTP TSA client that accepts only tokens a recipient's check would accept.

    RFC 3161 §2.3: the TSA's certificate must carry the timeStamping extended key usage; with roots
    given it must also chain to one of them. Anything the server sends that is not such a token —
    an HTML error page, bytes that are not DER — becomes a TimestampRequestError with a plain reason.
    """

    def __init__(self, settings: TsaSettings) -> None:
        auth = (settings.user, settings.password) if settings.user else None
        super().__init__(settings.url, timeout=settings.timeout, auth=auth)
        self.roots = tuple(root for pem in settings.roots_pem for root in load_certificates(pem))
        self.problem = ""

    async def async_timestamp(self, message_digest: bytes, md_algorithm: str) -> cms.ContentInfo:
        try:
            token = await super().async_timestamp(message_digest, md_algorithm)
            await self._check_token(token)
        except TimestampRequestError as e:
            self.problem = _tsa_problem(e, self.url)
            raise
        except (ValueError, TypeError, KeyError) as e:  # asn1crypto's reactions to bytes that are not a token
            self.problem = f"the TSA at {self.url} answered something that is not an RFC 3161 timestamp"
            raise TimestampRequestError(self.problem) from e
        return token

    async def _check_token(self, token: cms.ContentInfo) -> None:
        signed_data = token["content"]
        certificates = [c.chosen for c in signed_data["certificates"] or () if c.name == "certificate"]
        signer_id = signed_data["signer_infos"][0]["sid"]
        signer = next((c for c in certificates if _identifies(signer_id, c)), None)
        if signer is None:
            raise TimestampRequestError(f"the TSA at {self.url} sent a timestamp without its certificate")
        if "time_stamping" not in (signer.extended_key_usage_value.native if signer.extended_key_usage_value
                                   else ()):
            raise TimestampRequestError(f"the certificate of the TSA at {self.url} is not for time stamping "
                                        "(no timeStamping extended key usage, RFC 3161 §2.3)")
        if self.roots:
            context = ValidationContext(trust_roots=list(self.roots), other_certs=certificates)
            try:
                await CertificateValidator(signer, validation_context=context).async_validate_usage(
                    set(), extended_key_usage={"time_stamping"})
            except (PathBuildingError, PathValidationError, ValidationError) as e:
                raise TimestampRequestError(
                    f"the certificate of the TSA at {self.url} does not chain to the given TSA root") from e


def _identifies(signer_id: cms.SignerIdentifier, certificate: asn1_x509.Certificate) -> bool:
    if signer_id.name == "issuer_and_serial_number":
        return signer_id.chosen["serial_number"].native == certificate.serial_number and \
            signer_id.chosen["issuer"] == certificate.issuer
    return signer_id.chosen.native == certificate.key_identifier


def _tsa_problem(error: TimestampRequestError, url: str) -> str:
    if isinstance(error.__cause__, OSError):
        return f"the TSA at {url} could not be reached or did not answer in time ({type(error.__cause__).__name__})"
    if len(error.args) > 1 or "malformed" in str(error):
        return f"the TSA at {url} answered something that is not an RFC 3161 timestamp"
    return str(error)


def _signer(settings: SigningSettings) -> signers.SimpleSigner:
    key = serialization.load_pem_private_key(settings.key_pem, password=None)
    key_der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    certificate = load_certificates(settings.certificate_pem)[0]
    return signers.SimpleSigner(signing_cert=certificate, signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
                                cert_registry=None)


def _writer(handle: BinaryIO, password: str | None) -> IncrementalPdfFileWriter:
    handle.seek(0)
    writer = IncrementalPdfFileWriter(handle, strict=False)
    if writer.security_handler is not None:
        writer.encrypt(password or "")
    return writer


@contextlib.contextmanager
def _restored_on_failure(handle: BinaryIO) -> Iterator[None]:
    """Cut `handle` back to its size before the block when the block fails: no half-written revision stays."""
    size = handle.seek(0, 2)
    try:
        yield
    except BaseException:
        handle.seek(size)
        handle.truncate()
        raise


def sign_in_place(handle: BinaryIO, settings: SigningSettings, password: str | None) -> SignatureOutcome:
    """Append a PAdES signature over the whole of the PDF in `handle` (B-T when a TSA is set and answers).

    pyHanko hashes the file in chunks and appends one revision, so memory does not grow with the
    dossier. A failing TSA leaves the dossier signed without a timestamp (PENDING), never unsigned.
    """
    signer = _signer(settings)
    timestamper = CheckedTimeStamper(settings.tsa) if settings.tsa else None
    try:
        with _restored_on_failure(handle):
            _sign(handle, signer, timestamper, password)
        return SignatureOutcome(TimestampState.ADDED if timestamper else TimestampState.NOT_REQUESTED)
    except (TimestampRequestError, SigningError, PdfError, OSError) as e:
        if timestamper is None or not timestamper.problem:
            raise SigningFailed("signing the dossier failed") from e
        problem = timestamper.problem
    try:
        with _restored_on_failure(handle):
            _sign(handle, signer, None, password)
    except (SigningError, PdfError, OSError) as e:
        raise SigningFailed("signing the dossier failed") from e
    return SignatureOutcome(TimestampState.PENDING, problem)


def _sign(handle: BinaryIO, signer: signers.SimpleSigner, timestamper: CheckedTimeStamper | None,
          password: str | None) -> None:
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD, md_algorithm=DIGEST, subfilter=fields.SigSeedSubFilter.PADES,
        reason="证据材料完整性 Integrity of the evidence dossier",
    )
    signers.PdfSigner(metadata, signer, timestamper=timestamper).sign_pdf(
        _writer(handle, password), in_place=True)


def add_document_timestamp(path: Path, tsa: TsaSettings, password: str | None) -> None:
    """Append an RFC 3161 document timestamp to a signed dossier, incrementally (PAdES, ETSI EN 319 142-1 §5.4).

    The earlier signature keeps covering its revision; on any failure the file is cut back to what it was.
    """
    timestamper = CheckedTimeStamper(tsa)
    try:
        with open(path, "r+b") as handle, _restored_on_failure(handle):
            signers.PdfTimeStamper(timestamper).timestamp_pdf(_writer(handle, password), DIGEST, in_place=True)
    except (TimestampRequestError, SigningError, PdfError, OSError) as e:
        raise SigningFailed(timestamper.problem or f"cannot add a timestamp to {path}") from e


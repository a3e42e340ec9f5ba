"""The vault's signing key: an ECDSA P-256 key and its self-signed certificate, kept in the meta table.

Dossiers are signed so that a recipient can see that not one byte changed since export (issue #15;
互联网法院规定 第11条 gives weight to 电子签名 and 哈希值校验). The private key never leaves the
encrypted vault: it is stored as PKCS#8 in `meta`, which SQLCipher encrypts like every other row.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from vault import audit
from vault.store import Vault

KEY_META = "signing_key"
CERTIFICATE_META = "signing_certificate"
CERTIFICATE_YEARS = 30
"""A dossier may be checked years after the dispute; the certificate must still be in force then."""


@dataclass(frozen=True)
class SigningIdentity:
    """The key (PKCS#8 PEM) and certificate (PEM) a dossier is signed with."""

    key_pem: bytes
    certificate_pem: bytes

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.certificate_pem)

    @property
    def fingerprint(self) -> str:
        """SHA-256 over the certificate's DER, the value PDF readers and `pdfsig` show."""
        return certificate_fingerprint(self.certificate)

    @property
    def holder(self) -> str:
        names = self.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(names[0].value) if names else ""


def certificate_fingerprint(certificate: x509.Certificate) -> str:
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def stored_identity(vault: Vault) -> SigningIdentity | None:
    """The vault's signing identity, or None before the first export made one."""
    rows = dict(vault.db.query("SELECT key, value FROM meta WHERE key IN (?, ?)", (KEY_META, CERTIFICATE_META)))
    if KEY_META not in rows or CERTIFICATE_META not in rows:
        return None
    return SigningIdentity(rows[KEY_META].encode("ascii"), rows[CERTIFICATE_META].encode("ascii"))


def signing_identity(vault: Vault, holder: str) -> SigningIdentity:
    """The vault's signing identity, made on first use with `holder` as the certificate's subject.

    The key is made once per vault and logged; later holder names do not replace it, so every
    dossier of the vault carries the same fingerprint a recipient may already trust.
    """
    existing = stored_identity(vault)
    if existing is not None:
        return existing
    if not holder.strip():
        raise ValueError("the signing certificate needs the holder's name (the complainant of the case)")
    identity = new_identity(holder.strip())
    with vault.db.transaction() as conn:
        conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (KEY_META, identity.key_pem.decode("ascii")))
        conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)",
                     (CERTIFICATE_META, identity.certificate_pem.decode("ascii")))
        audit.append(conn, "signing_key.create", {"holder": identity.holder, "fingerprint": identity.fingerprint})
    return identity


def new_identity(holder: str) -> SigningIdentity:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, holder)])
    now = datetime.now(timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))  # a recipient's clock a little behind still accepts it
        .not_valid_after(now + timedelta(days=365 * CERTIFICATE_YEARS))
        # RFC 5280 §4.2.1.3: digitalSignature and nonRepudiation (contentCommitment) for signed documents
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return SigningIdentity(key_pem, certificate.public_bytes(serialization.Encoding.PEM))

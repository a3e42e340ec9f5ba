"""An RFC 3161 time stamping authority on 127.0.0.1 for offline tests: pyHanko's DummyTimeStamper behind http.server.

Its CA and TSA keys are RSA, as public TSAs use. `mode` makes it misbehave the ways a real one can:
answer garbage, answer too late, or sign with a certificate that is not for time stamping.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from asn1crypto import keys as asn1_keys, tsp, x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

SLOW_SECONDS = 3.0


@dataclass(frozen=True)
class TsaPki:
    root_pem: bytes
    stamper: DummyTimeStamper
    stamper_without_eku: DummyTimeStamper


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _certificate(subject: str, key: rsa.RSAPrivateKey, issuer: str, issuer_key: rsa.RSAPrivateKey, *,
                 ca: bool = False, time_stamping: bool = False) -> x509.Certificate:
    now = datetime.now(timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(_name(issuer))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if time_stamping:  # RFC 3161 §2.3: the only extended key usage, and critical
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
    return builder.sign(issuer_key, hashes.SHA256())


def _asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _asn1_key(key: rsa.RSAPrivateKey) -> asn1_keys.PrivateKeyInfo:
    return asn1_keys.PrivateKeyInfo.load(key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))


def make_pki(root_name: str = "Test TSA Root") -> TsaPki:
    root_key, tsa_key = (rsa.generate_private_key(65537, 2048) for _ in range(2))
    root = _certificate(root_name, root_key, root_name, root_key, ca=True)
    tsa = _certificate("Test TSA", tsa_key, root_name, root_key, time_stamping=True)
    not_a_tsa = _certificate("Not a TSA", tsa_key, root_name, root_key)
    return TsaPki(root.public_bytes(serialization.Encoding.PEM),
                   DummyTimeStamper(_asn1(tsa), _asn1_key(tsa_key), certs_to_embed=[_asn1(root)]),
                   DummyTimeStamper(_asn1(not_a_tsa), _asn1_key(tsa_key), certs_to_embed=[_asn1(root)]))


class TsaServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, pki: TsaPki) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.pki = pki
        self.mode = "ok"
        self.requests = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/tsa"


class _Handler(BaseHTTPRequestHandler):
    server: TsaServer

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.requests += 1
        mode = self.server.mode
        if mode == "slow":
            time.sleep(SLOW_SECONDS)
        if mode == "garbage":
            answer = b"<html>502 Bad Gateway</html>"
        else:
            stamper = self.server.pki.stamper_without_eku if mode == "no_eku" else self.server.pki.stamper
            answer = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        try:
            self.wfile.write(answer)
        except OSError:
            pass  # the client gave up waiting (the slow mode)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's signature)
        pass


@contextmanager
def running_tsa(pki: TsaPki) -> Iterator[TsaServer]:
    server = TsaServer(pki)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

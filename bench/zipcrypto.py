"""ZIP archives encrypted with the traditional PKWARE cipher (ZipCrypto), as Alipay mails its bills.

Python's zipfile can read ZipCrypto but not write it, so the fixtures write the archive themselves:
one deflated member, APPNOTE.TXT §4.3 (headers) and §6.1 (the cipher: three CRC-driven keys, a
12-byte encryption header whose last byte is the high byte of the member's CRC-32).
"""
from __future__ import annotations

import random
import struct
import zlib


def _crc_table() -> list[int]:
    """CRC-32's byte table (polynomial 0xEDB88320), which the cipher's key schedule steps with."""
    table = []
    for n in range(256):
        for _ in range(8):
            n = (n >> 1) ^ 0xEDB88320 if n & 1 else n >> 1
        table.append(n)
    return table


_CRC_TABLE = _crc_table()

_ENCRYPTED_FLAG = 0x1
_UTF8_NAME_FLAG = 0x800
_DEFLATED = 8
_VERSION = 20


class _Cipher:
    def __init__(self, password: bytes) -> None:
        self.keys = [0x12345678, 0x23456789, 0x34567890]
        for byte in password:
            self._update(byte)

    def _update(self, byte: int) -> None:
        k0, k1, k2 = self.keys
        k0 = (k0 >> 8) ^ _CRC_TABLE[(k0 ^ byte) & 0xFF]
        k1 = ((k1 + (k0 & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        k2 = (k2 >> 8) ^ _CRC_TABLE[(k2 ^ (k1 >> 24)) & 0xFF]
        self.keys = [k0, k1, k2]

    def encrypt(self, data: bytes) -> bytes:
        out = bytearray()
        for byte in data:
            temp = (self.keys[2] | 2) & 0xFFFF
            out.append(byte ^ ((temp * (temp ^ 1)) >> 8) & 0xFF)
            self._update(byte)
        return bytes(out)


def zipcrypto_zip(name: str, data: bytes, password: str, seed: int = 0) -> bytes:
    """An archive of one member `name` holding `data`, deflated, then encrypted with ZipCrypto."""
    crc = zlib.crc32(data)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    compressed = compressor.compress(data) + compressor.flush()
    header = bytes(random.Random(seed).randrange(256) for _ in range(11)) + bytes([crc >> 24])
    payload = _Cipher(password.encode("utf-8")).encrypt(header + compressed)
    encoded_name = name.encode("utf-8")
    flags = _ENCRYPTED_FLAG | _UTF8_NAME_FLAG
    dos_time, dos_date = 0x6000, 0x5865  # 2024-03-05 12:00
    common = struct.pack("<HHHHHIII", _VERSION, flags, _DEFLATED, dos_time, dos_date, crc, len(payload), len(data))
    local = b"PK\x03\x04" + common + struct.pack("<HH", len(encoded_name), 0) + encoded_name
    central = (b"PK\x01\x02" + struct.pack("<H", _VERSION) + common
               + struct.pack("<HHHHHII", len(encoded_name), 0, 0, 0, 0, 0, 0) + encoded_name)
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, 1, 1, len(central), len(local) + len(payload), 0)
    return local + payload + central + end

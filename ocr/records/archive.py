"""Password-protected ZIP files that WeChat Pay and Alipay mail bills in.

WeChat Pay encrypts with AES (WinZip AE-2), Alipay with the older ZipCrypto; pyzipper reads both.
The password is used to read the members in memory only: nothing decrypted touches the disk.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

import pyzipper

from ocr.records.types import RecordProblem, UnreadableRecords

MAX_MEMBER_BYTES = 100 * 1024 * 1024
"""Largest member read out of an archive; a bill of a year is a few MiB, a zip bomb is not."""
MAX_MEMBERS = 100
_DAMAGED = (zipfile.BadZipFile, pyzipper.BadZipFile, NotImplementedError, ValueError, OSError)
"""What the zip readers raise for a damaged archive: pyzipper has a BadZipFile class of its own, and
an unknown compression method or version is NotImplementedError."""


def _is_encrypted(info: zipfile.ZipInfo) -> bool:
    return bool(info.flag_bits & 0x1)


def archive_members(data: bytes, password: str | None) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of each file in the archive, decrypted with `password` where needed."""
    try:
        archive = pyzipper.AESZipFile(io.BytesIO(data))
    except _DAMAGED as e:
        raise UnreadableRecords(RecordProblem.DAMAGED_ARCHIVE, f"the ZIP archive cannot be read ({e})") from e
    with archive:
        members = [i for i in archive.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX/")]
        if len(members) > MAX_MEMBERS:
            raise UnreadableRecords(RecordProblem.DAMAGED_ARCHIVE, f"the archive holds over {MAX_MEMBERS} files")
        for info in members:
            if info.file_size > MAX_MEMBER_BYTES:
                raise UnreadableRecords(
                    RecordProblem.DAMAGED_ARCHIVE,
                    f"{info.filename} unpacks to {info.file_size:,} bytes, over the limit of {MAX_MEMBER_BYTES:,}",
                )
            if _is_encrypted(info) and not password:
                raise UnreadableRecords(RecordProblem.PASSWORD_NEEDED, f"{info.filename} is protected by a password")
            yield info.filename, _read_member(archive, info, password)


def _read_member(archive: pyzipper.AESZipFile, info: zipfile.ZipInfo, password: str | None) -> bytes:
    try:
        with archive.open(info, pwd=password.encode("utf-8") if password else None) as handle:
            return handle.read(MAX_MEMBER_BYTES + 1)[:MAX_MEMBER_BYTES]
    except RuntimeError as e:  # zipfile and pyzipper report a bad password as RuntimeError
        raise UnreadableRecords(RecordProblem.WRONG_PASSWORD, f"the password does not open {info.filename}") from e
    except (*_DAMAGED, zipfile.LargeZipFile, EOFError, zlib.error) as e:
        if _is_encrypted(info):  # ZipCrypto's one check byte lets 1 wrong password in 256 through to the CRC
            raise UnreadableRecords(RecordProblem.WRONG_PASSWORD, f"the password does not open {info.filename}") from e
        raise UnreadableRecords(RecordProblem.DAMAGED_ARCHIVE, f"{info.filename} in the archive is damaged ({e})") from e

"""Writing the final file: attachments, metadata, encryption and the atomic replace."""
from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

import pikepdf

from export.errors import ExportError
from export.request import Bookmark, Exhibit
from export.originals import load_verified
from export.signing import SignatureOutcome, SigningSettings, sign_in_place


_SUBSET_TAG = re.compile(r"^/[A-Z]{6}\+")


STALE_PART_SECONDS = 6 * 3600
"""Parts of an export this old were left by one that was killed; a live export finishes long before."""


def temporary_name(out_path: Path, role: str) -> Path:
    """A hidden name beside `out_path` for one of an export's temporary files."""
    return out_path.with_name(f".{out_path.name}.{secrets.token_hex(6)}.{role}")


def remove_stale_parts(out_path: Path, now: float | None = None) -> list[Path]:
    """Delete temporary files that a killed export to `out_path` left behind; returns them."""
    pattern = re.compile(rf"\.{re.escape(out_path.name)}\.[0-9a-f]{{12}}\.(?:part|merged|segment\d+)")
    cutoff = (time.time() if now is None else now) - STALE_PART_SECONDS
    removed = []
    try:
        candidates = list(out_path.parent.iterdir())
    except OSError:
        return removed
    for path in candidates:
        try:
            if pattern.fullmatch(path.name) and path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # gone meanwhile, or not ours to delete
    return removed


@contextlib.contextmanager
def atomic_file(out_path: Path) -> Iterator[BinaryIO]:
    """A hidden temporary file beside `out_path` that replaces it only if the block succeeds.

    Same directory, so os.replace is atomic; on any error or cancel the temporary file is removed,
    so a half-written PDF never carries the final name.
    """
    temp = temporary_name(out_path, "part")
    try:
        fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as e:
        raise ExportError(f"cannot create a file in {out_path.parent}") from e
    try:
        with os.fdopen(fd, "w+b") as handle:
            yield handle
            try:
                handle.flush()
                os.fsync(handle.fileno())
            except OSError as e:
                raise ExportError(f"cannot write {out_path}") from e
        try:
            os.replace(temp, out_path)
        except OSError as e:
            raise ExportError(f"cannot move the finished dossier to {out_path}") from e
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _pdf_date(moment: datetime) -> str:
    offset = moment.strftime("%z")
    return f"D:{moment.strftime('%Y%m%d%H%M%S')}{offset[:3]}'{offset[3:]}'"


@dataclass(frozen=True)
class DocumentInfo:
    """The PDF's document information (and XMP) fields."""

    title: str
    author: str
    subject: str
    creator: str
    created: datetime


class SegmentFiles:
    """Segment PDFs parked beside the target, encrypted, until qpdf joins them into the dossier.

    Each segment is rendered in memory, gets the originals of its exhibits attached and is written
    AES-256 encrypted under a random one-time key: memory holds one segment at a time, and no
    readable byte of the dossier reaches the disk before the final file (itself encrypted when the
    user sets a password). A killed export can leave these hidden files behind, but their key died
    with the process. qpdf's job interface merges them reading streams only while writing (pikepdf's
    page copying would load every image and original into memory).
    """

    def __init__(self, out_path: Path) -> None:
        self.out_path = out_path.absolute()
        self.key = secrets.token_hex(32)
        self.segments: list[Path] = []
        self.with_attachments: list[Path] = []
        self.manifest: list[dict[str, str]] = []
        """Name, SHA-256 and original name of every attachment, for the machine-readable manifest."""
        self._written: list[Path] = []

    def __enter__(self) -> SegmentFiles:
        return self

    def __exit__(self, *exc_info: object) -> None:
        for path in self._written:
            path.unlink(missing_ok=True)

    def _new_path(self, role: str) -> Path:
        path = temporary_name(self.out_path, role)
        self._written.append(path)
        return path

    def add(self, plain_pdf: BinaryIO, attachments: Sequence[tuple[Exhibit, str]],
            step: Callable[[], None]) -> None:
        """Attach `attachments` (exhibit, name) to the segment and park it encrypted."""
        path = self._new_path(f"segment{len(self.segments)}")
        self.segments.append(path)
        try:
            with pikepdf.open(plain_pdf) as pdf:
                for exhibit, name in attachments:
                    pdf.attachments[name] = pikepdf.AttachedFileSpec(
                        pdf, load_verified(exhibit), description=exhibit.original_name, filename=name,
                        mime_type=exhibit.media_type, relationship=pikepdf.Name.Source,
                    )
                    self.manifest.append({"name": name, "sha256": exhibit.sha256,
                                          "original_name": exhibit.original_name})
                    step()
                pdf.save(path, encryption=self._encryption())
        except (pikepdf.PdfError, OSError) as e:
            raise ExportError(f"cannot write a part of the dossier in {self.out_path.parent}") from e
        if attachments:
            self.with_attachments.append(path)

    def _encryption(self) -> pikepdf.Encryption:
        return pikepdf.Encryption(user=self.key, owner=self.key, R=6)

    def merge(self) -> Path:
        """All segments' pages and attachments in one file, encrypted under the same one-time key."""
        merged = self._new_path("merged")
        password = f"--password={self.key}"
        args = ["qpdf", "--empty", "--pages"]
        for path in self.segments:
            args += [str(path), password, "1-z"]
        args.append("--")
        for path in self.with_attachments:
            args += ["--copy-attachments-from", str(path), password, "--"]
        args += ["--encrypt", f"--user-password={self.key}", f"--owner-password={self.key}", "--bits=256", "--",
                 str(merged)]
        try:
            pikepdf.Job(args).run()
        except (pikepdf.PdfError, pikepdf.JobUsageError, OSError) as e:
            raise ExportError(f"cannot join the parts of the dossier in {self.out_path.parent}") from e
        for path in self.segments:  # joined: free their disk space before the final file is written
            path.unlink(missing_ok=True)
        return merged


MANIFEST_KEY = "/EvidenceVaultManifest"
"""Catalog entry holding the manifest as JSON, so a recipient's check reads it without parsing pages."""
MANIFEST_FORMAT = "evidence-vault-manifest/1"


def finish_pdf(
    segments: SegmentFiles,
    handle: BinaryIO,
    info: DocumentInfo,
    bookmarks: Iterable[Bookmark],
    password: str | None,
    signer_fingerprint: str = "",
) -> None:
    """Join the segments, add outline, metadata, manifest and optional AES-256 encryption; write to `handle`."""
    merged = segments.merge()
    try:
        with pikepdf.open(merged, password=segments.key) as pdf:
            _make_subset_tags_unique(pdf)
            _add_outline(pdf, bookmarks)
            _set_metadata(pdf, info)
            _add_manifest(pdf, segments.manifest, signer_fingerprint)
            encryption = pikepdf.Encryption(user=password, owner=password, R=6) if password else False
            pdf.save(handle, encryption=encryption, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    except (pikepdf.PdfError, OSError) as e:
        raise ExportError("writing the dossier PDF failed") from e


def sign_dossier(handle: BinaryIO, signing: SigningSettings, password: str | None) -> SignatureOutcome:
    """Sign the finished file as the very last step, so the signature covers the bytes a recipient receives.

    Called once, after the size budget settled: a retry at a lower image quality must not ask the
    TSA again.
    """
    outcome = sign_in_place(handle, signing, password)
    handle.seek(0, os.SEEK_END)
    return outcome


def _add_manifest(pdf: pikepdf.Pdf, attachments: Sequence[dict[str, str]], signer_fingerprint: str) -> None:
    """The integrity manifest's data (the printed appendix shows the same hashes) as a catalog stream."""
    manifest = {"format": MANIFEST_FORMAT, "signer_fingerprint": signer_fingerprint, "attachments": list(attachments)}
    pdf.Root[MANIFEST_KEY] = pikepdf.Stream(pdf, json.dumps(manifest, ensure_ascii=False).encode("utf-8"))


def _make_subset_tags_unique(pdf: pikepdf.Pdf) -> None:
    """Give every embedded font subset its own 'ABCDEF+' tag.

    Each segment numbers its subsets from AAAAAA, so the joined file would hold different subsets
    under one name; the PDF specification asks for distinct tags, and viewers that cache fonts by
    name would draw the wrong glyphs.
    """
    fonts = [obj for obj in pdf.objects
             if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.Font
             and _SUBSET_TAG.match(str(obj.get("/BaseFont", "")))]
    for number, font in enumerate(fonts):
        tag = "".join(chr(ord("A") + number // 26**i % 26) for i in reversed(range(6)))
        name = pikepdf.Name(f"/{tag}+{str(font.BaseFont)[8:]}")
        font.BaseFont = name
        if "/FontDescriptor" in font:
            font.FontDescriptor.FontName = name


def _add_outline(pdf: pikepdf.Pdf, bookmarks: Iterable[Bookmark]) -> None:
    """Sections at the top level, each exhibit under the section before it."""
    with pdf.open_outline() as outline:
        for bookmark in bookmarks:
            item = pikepdf.OutlineItem(bookmark.title, bookmark.page - 1)
            if bookmark.level > 0 and outline.root:
                outline.root[-1].children.append(item)
            else:
                outline.root.append(item)
    pdf.Root.PageMode = pikepdf.Name.UseOutlines


def _set_metadata(pdf: pikepdf.Pdf, info: DocumentInfo) -> None:
    created = _pdf_date(info.created)
    pdf.docinfo["/Title"] = info.title
    pdf.docinfo["/Author"] = info.author
    pdf.docinfo["/Subject"] = info.subject
    pdf.docinfo["/Creator"] = info.creator
    pdf.docinfo["/CreationDate"] = created
    pdf.docinfo["/ModDate"] = created
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.load_from_docinfo(pdf.docinfo)

"""Writing the final file: attachments, metadata, encryption and the atomic replace."""
from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

import pikepdf

from export.errors import ExportError
from export.model import DossierRequest
from export.originals import load_verified


@contextlib.contextmanager
def atomic_file(out_path: Path) -> Iterator[BinaryIO]:
    """A hidden temporary file beside `out_path` that replaces it only if the block succeeds.

    Same directory, so os.replace is atomic; on any error or cancel the temporary file is removed,
    so a half-written PDF never carries the final name.
    """
    temp = out_path.with_name(f".{out_path.name}.{secrets.token_hex(6)}.part")
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


def write_pdf(
    plain_pdf: BinaryIO,
    handle: BinaryIO,
    request: DossierRequest,
    title: str,
    attachments: tuple[str, ...] | None,
    password: str | None,
    step: Callable[[], None],
) -> None:
    """Add originals as embedded files, metadata and optional AES-256 encryption; write to `handle`.

    The plain PDF only ever exists in memory (`plain_pdf`); with a password, the first bytes to reach
    the disk are already encrypted. Attachments are loaded one at a time, but qpdf keeps each attached
    stream until the file is written, so the peak also holds the sum of the originals' sizes.
    """
    try:
        with pikepdf.open(plain_pdf) as pdf:
            created = _pdf_date(request.generated_at)
            pdf.docinfo["/Title"] = title
            pdf.docinfo["/CreationDate"] = created
            pdf.docinfo["/ModDate"] = created
            for exhibit, name in zip(request.exhibits, attachments or ()):
                pdf.attachments[name] = pikepdf.AttachedFileSpec(
                    pdf, load_verified(exhibit), description=exhibit.original_name, filename=name,
                    mime_type=exhibit.media_type, relationship=pikepdf.Name.Source,
                )
                step()
            del pdf.docinfo["/Trapped"]  # reportlab's; XMP has no equivalent, pikepdf would warn
            with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
                meta.load_from_docinfo(pdf.docinfo)
            encryption = pikepdf.Encryption(user=password, owner=password, R=6) if password else False
            pdf.save(handle, encryption=encryption, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    except (pikepdf.PdfError, OSError) as e:
        raise ExportError("writing the dossier PDF failed") from e

"""`import` and `ocr`: files become evidence, then their text is read."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli.common import (
    EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Subparsers, UsageError, end_progress, item_id, open_vault,
    print_progress, say,
)
from ocr.engine_names import BackendName, EngineName
from vault.evidence import DEFAULT_CASE_TITLE, KINDS, ImportStatus
from vault.store import Vault
from vault.terminal import terminal_safe

if TYPE_CHECKING:  # vault.ingest loads numpy and the engines: imported only when a command reads
    from vault.ingest import Notice, OcrReport, Progress, Stage


def _case_for_import(vault: Vault, ref: str | None) -> int:
    """The named case; without a name the only case, created on the first import."""
    if ref:
        return vault.find_case(ref).id
    cases = vault.cases()
    if not cases:
        return vault.add_case(DEFAULT_CASE_TITLE)
    if len(cases) == 1:
        return cases[0].id
    raise UsageError("the vault has several cases; say which with --case (see 'evidence-vault case list')")


def notice_text(notice: Notice) -> str:
    """A notice of the import workflow in the CLI's words."""
    from vault.ingest import NoticeCode

    texts = {
        NoticeCode.ENGINE_REPLACED: "OCR engine {requested!r} is not installed; using {used!r} instead",
        NoticeCode.NO_ENGINE: "no OCR engine is installed (RapidOCR or Tesseract); run 'make setup', "
                              "then 'evidence-vault ocr' reads what is stored",
    }
    return texts[notice.code].format(**notice.params)


def _report_notices(notices: list[Notice]) -> int:
    """Print notices to stderr; a missing engine is an input error (exit 2), a replaced one is not."""
    for notice in notices:
        print(f"evidence-vault: {terminal_safe(notice_text(notice))}", file=sys.stderr)
    return EXIT_USAGE if any(n.code == "no_engine" for n in notices) else EXIT_OK


def _report_ocr(report: OcrReport | None) -> int:
    if report is None:
        return EXIT_OK
    print(f"OCR ({report.engine}): {len(report.done)} read, {len(report.failed)} failed")
    for failed_id, error in report.failed.items():
        say(f"  item {failed_id}: {error} — retry with 'evidence-vault ocr --retry'")
    return EXIT_PROBLEMS if report.failed else EXIT_OK


class _StageLine:
    """Progress on one stderr line per stage: 'Import 3/20 name', then 'OCR 1/3 name'."""

    def __init__(self) -> None:
        from vault.ingest import Stage

        self.labels = {Stage.STORING: "Import", Stage.READING: "OCR"}
        self.stage: Stage | None = None
        self.line: Progress | None = None

    def __call__(self, stage: Stage, done: int, total: int, name: str) -> None:
        if stage not in self.labels:
            return
        if stage != self.stage:
            if self.stage is not None:
                end_progress()
            self.stage, self.line = stage, print_progress(self.labels[stage])
        assert self.line is not None
        self.line(done, total, name)

    def end(self) -> None:
        if self.stage is not None:
            end_progress()


STORING_NICENESS = 10
"""How much nicer the import makes itself once its OCR workers are starting: the key derivation and
the storing of the files then leave the cores to the workers' start-up and reading, the import's
longest path (16 screenshots on 2 cores: 5.24-5.44 s against 5.44-5.54 s, three alternating runs;
issue #13). A worker started later, to replace one, is as nice as the import."""


def cmd_import(args: argparse.Namespace) -> int:
    from vault.ingest import IngestOptions, expand_paths, ingest, start_workers_for
    from vault.likeness import look_alikes_of_new
    from vault.ocr_jobs import KeptPool

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    options = IngestOptions(kind=args.kind, read=not args.no_ocr, engine=args.ocr_engine, backend=args.ocr_backend,
                            zip_password=_zip_password(args.zip_password_file), chat_name=args.chat_name or "")
    files = expand_paths(Path(p) for p in args.paths)
    progress = _StageLine()
    workers = KeptPool(jobs=len(files))  # no more workers than files, whenever they start
    try:
        start_workers_for(files, options, workers)  # before the passphrase and the key derivation
        if workers.running:
            os.nice(STORING_NICENESS)
        with open_vault(args) as vault:
            case_id = _case_for_import(vault, args.case)
            report = ingest(vault, case_id, files, options, progress, kept=workers)
            alikes = look_alikes_of_new(vault, case_id, report.imported_ids)
    finally:
        workers.close()
    progress.end()
    imported, duplicates, rejected = (report.with_status(s) for s in ImportStatus)
    print(f"Imported {len(imported)}, duplicates {len(duplicates)}, rejected {len(rejected)}")
    for o in duplicates:
        say(f"  duplicate: {o.name} (already stored as item {o.item_id})")
    for o in imported:
        if o.records or o.bad_rows:
            say(f"  {o.name}: {o.records} records stored as item {o.item_id}")
        for row_no, reason in o.bad_rows:
            say(f"  {o.name}: row {row_no} left out: {reason}")
        if o.item_id in alikes:  # a hint, never a refusal: the person decides whether it is a copy
            shown = ", ".join(f"item {item.id} ({item.original_name})" for item in alikes[o.item_id][:3])
            say(f"  {o.name} looks like {shown}: the same picture saved again? Delete one if it is a copy.")
    for o in rejected:
        say(f"  rejected: {o.name}: {o.detail}")
    status = EXIT_USAGE if rejected else EXIT_OK
    return max(status, _report_notices(report.notices), _report_ocr(report.ocr))


def _zip_password(path: str | None) -> str | None:
    """The ZIP password from the first line of a file (never from the command line, where
    other users and the shell history would see it)."""
    if path is None:
        return None
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()[0].strip() if Path(path).stat().st_size else ""
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"cannot read the ZIP password file {path}: {e}") from e


def cmd_ocr(args: argparse.Namespace) -> int:
    from vault.ingest import items_needing_ocr, read_items

    with open_vault(args) as vault:
        item_ids = args.items or items_needing_ocr(vault, retry_failed=args.retry)
        if not item_ids:
            print("Nothing to read: every item has OCR text.")
            return EXIT_OK
        report, notices = read_items(
            vault, item_ids, args.ocr_engine, progress=print_progress("OCR"), backend=args.ocr_backend
        )
    end_progress()
    return max(_report_notices(notices), _report_ocr(report))


ENGINE_CHOICES = tuple(map(str, EngineName))
BACKEND_CHOICES = tuple(map(str, BackendName))
"""Plain strings: argparse lists choices with repr() in its errors. From ocr.engine_names, which loads no engine."""
OCR_BACKEND_HELP = "RapidOCR's runtime (default: openvino where the CPU suits it; see --version)"


def register(sub: Subparsers) -> None:
    imp = sub.add_parser("import", help="import files or folders as evidence, then OCR them")
    imp.add_argument("paths", nargs="+", metavar="FILE|DIR")
    imp.add_argument("--case", help="case id or title (default: the only case)")
    imp.add_argument("--kind", choices=KINDS)
    imp.add_argument("--no-ocr", action="store_true", help="store only; read later with 'ocr'")
    imp.add_argument("--ocr-engine", choices=ENGINE_CHOICES)
    imp.add_argument("--ocr-backend", choices=BACKEND_CHOICES, help=OCR_BACKEND_HELP)
    imp.add_argument("--zip-password-file", metavar="FILE",
                     help="a file whose first line opens password-protected bill ZIPs (never stored)")
    imp.add_argument("--chat-name", help="your own name in pasted chats, to mark your messages")
    imp.set_defaults(func=cmd_import)

    ocr = sub.add_parser("ocr", help="read items that have no OCR text yet")
    ocr.add_argument("--retry", action="store_true", help="also retry items whose OCR failed")
    ocr.add_argument("--ocr-engine", choices=ENGINE_CHOICES)
    ocr.add_argument("--ocr-backend", choices=BACKEND_CHOICES, help=OCR_BACKEND_HELP)
    ocr.add_argument("--item", dest="items", type=item_id, action="append", help="re-read this item (repeatable)")
    ocr.set_defaults(func=cmd_ocr)

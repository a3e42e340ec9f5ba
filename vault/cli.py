"""`evidence-vault`: the command-line interface over the vault, OCR and export.

Exit codes: 0 success, 1 problems found (e.g. by verify), 2 usage or input errors.
"""
from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from ocr.errors import OcrError
from vault import maintenance
from vault.database import storage_error
from vault.driver import OperationalError
from vault.errors import VaultError, VaultNotFound
from vault.models import KINDS, ImportStatus
from vault.passphrase import read_passphrase_file, require_usable_passphrase
from vault.paths import default_vault_path
from vault.process import harden_process
from vault.serialize import item_json
from vault.store import Vault
from vault.terminal import terminal_json, terminal_safe
from vault.user_time import normalize_user_time
from vault.verify import unmerged_journal_warning, verify

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
DEFAULT_CASE_TITLE = "我的投诉"
SQLITE_MAX_ID = 2**63 - 1  # SQLite INTEGER is a signed 64-bit number


class UsageError(Exception):
    """A mistake in how the command was called; exits with code 2."""


def _read_secret(path: str | None, env_name: str, prompt: str, confirm: bool) -> str:
    """The secret from a file's first line, else the environment, else a prompt (twice with `confirm`)."""
    if path:
        secret = read_passphrase_file(Path(path))
    elif os.environ.get(env_name):
        secret = os.environ[env_name]
    elif sys.stdin.isatty():
        secret = getpass.getpass(prompt)
        if confirm and getpass.getpass("Repeat: ") != secret:
            raise UsageError("the two passphrases differ; nothing was changed")
    else:
        raise UsageError(f"no passphrase: use --passphrase-file F or set {env_name}")
    if not secret:
        raise UsageError("the passphrase is empty")
    return secret


def _passphrase(args: argparse.Namespace, confirm: bool = False) -> str:
    return _read_secret(args.passphrase_file, "EVIDENCE_VAULT_PASSPHRASE", "Vault passphrase: ", confirm)


def _new_passphrase(path: str | None, env_name: str, prompt: str) -> str:
    """A passphrase for a new vault or a passphrase change, held to the rule the app uses too."""
    secret = _read_secret(path, env_name, prompt, confirm=True)
    require_usable_passphrase(secret)
    return secret


def _item_id(text: str) -> int:
    """An id argument: a positive whole number SQLite can hold."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{terminal_safe(text)!r} is not an id (a whole number such as 3)") from None
    if not 1 <= value <= SQLITE_MAX_ID:
        raise argparse.ArgumentTypeError(f"{terminal_safe(text)} is not an id: ids are 1 to {SQLITE_MAX_ID}")
    return value


def _text(text: str) -> str:
    """A text argument; refuses NUL and bytes that are not UTF-8, which SQLite cannot store or match."""
    if "\x00" in text:
        raise argparse.ArgumentTypeError("the text contains a NUL character (\\x00); remove it")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(
            f"{terminal_safe(text)!r} is not valid UTF-8 text; check the terminal's encoding (it should be UTF-8)"
        ) from None
    return text


def _open(args: argparse.Namespace, read_only: bool = False) -> Vault:
    """The vault named on the command line; `read_only` for commands that only read, so that a
    backup or a vault on read-only media is never changed by listing or verifying it."""
    path = Path(args.vault)
    if not path.exists():
        raise VaultNotFound(f"no vault at {path}; create one with 'evidence-vault --vault {path} init'")
    return Vault.open(path, _passphrase(args), read_only=read_only)


def _print_json(value: Any) -> None:
    print(terminal_json(value))


def _say(text: str) -> None:
    """Print a line that may hold names or OCR text, with control and bidi characters escaped."""
    print(terminal_safe(text))


def _row(*cells: object) -> None:
    """Print a tab-separated row; a cell cannot add a tab or a line of its own."""
    print("\t".join(terminal_safe(cell) for cell in cells))


def _resolve_case(vault: Vault, ref: str | None, create: bool = False) -> int:
    """The named case; without a name, the only case (created on first import)."""
    if ref:
        return vault.find_case(ref).id
    cases = vault.cases()
    if len(cases) == 1:
        return cases[0].id
    if not cases and create:
        return vault.add_case(DEFAULT_CASE_TITLE)
    if not cases:
        raise UsageError("the vault has no case yet; add one with 'evidence-vault case add TITLE'")
    raise UsageError("the vault has several cases; say which with --case (see 'evidence-vault case list')")


# --- commands ---------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    path = Path(args.vault)
    passphrase = _new_passphrase(args.passphrase_file, "EVIDENCE_VAULT_PASSPHRASE", "Vault passphrase: ")
    Vault.create(path, passphrase).close()
    print(f"Created vault {path}. Keep the passphrase safe: it cannot be recovered.")
    return EXIT_OK


def cmd_case_add(args: argparse.Namespace) -> int:
    details = {
        k: v for k, v in {
            "respondent": args.respondent, "channel": args.channel, "claim": args.claim,
            "notes": args.notes, "case_number": args.case_number, "facts": args.facts,
            "complainant_name": args.complainant_name, "complainant_phone": args.complainant_phone,
            "complainant_address": args.complainant_address, "respondent_address": args.respondent_address,
        }.items() if v
    }
    with _open(args) as vault:
        case_id = vault.add_case(args.title, **details)
    print(case_id)
    return EXIT_OK


def cmd_case_list(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as vault:
        cases = vault.cases()
        counts = {c.id: len(vault.items(c.id)) for c in cases}
    if args.json:
        _print_json([{"id": c.id, "title": c.title, "respondent": c.respondent, "channel": c.channel,
                      "claim": c.claim, "items": counts[c.id]} for c in cases])
    else:
        for c in cases:
            _row(c.id, c.title, c.respondent, f"{counts[c.id]} items")
    return EXIT_OK


def _print_progress(label: str) -> Callable[[int, int, str], None]:
    def report(done: int, total: int, name: str) -> None:
        if name and sys.stderr.isatty():
            shown = terminal_safe(name)[:40]
            print(f"\r{label} {done}/{total} {shown:<40}", end="", file=sys.stderr, flush=True)

    return report


def _ocr_and_report(vault: Vault, item_ids: list[int], engine_request: str | None) -> int:
    from vault.ingest import choose_engine, run_ocr  # loads numpy and the engines: only when reading

    engine, warning = choose_engine(engine_request)
    if warning:
        print(warning, file=sys.stderr)
    report = run_ocr(vault, item_ids, engine, progress=_print_progress("OCR"))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"OCR ({engine}): {len(report.done)} read, {len(report.failed)} failed")
    for item_id, error in report.failed.items():
        _say(f"  item {item_id}: {error} — retry with 'evidence-vault ocr --retry'")
    return EXIT_PROBLEMS if report.failed else EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from vault.ingest import expand_paths, import_paths

    files = expand_paths(Path(p) for p in args.paths)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    with _open(args) as vault:
        case_id = _resolve_case(vault, args.case, create=True)
        outcomes = import_paths(vault, case_id, files, kind=args.kind, progress=_print_progress("Import"))
        if sys.stderr.isatty():
            print(file=sys.stderr)
        imported = [o for o in outcomes if o.status == ImportStatus.IMPORTED]
        duplicates = [o for o in outcomes if o.status == ImportStatus.DUPLICATE]
        rejected = [o for o in outcomes if o.status == ImportStatus.REJECTED]
        print(f"Imported {len(imported)}, duplicates {len(duplicates)}, rejected {len(rejected)}")
        for o in duplicates:
            _say(f"  duplicate: {o.name} (already stored as item {o.item_id})")
        for o in rejected:
            _say(f"  rejected: {o.name}: {o.detail}")
        status = EXIT_USAGE if rejected else EXIT_OK
        if imported and not args.no_ocr:
            status = max(status, _ocr_and_report(vault, [o.item_id for o in imported if o.item_id], args.ocr_engine))
    return status


def cmd_ocr(args: argparse.Namespace) -> int:
    from vault.ingest import items_needing_ocr

    with _open(args) as vault:
        if args.items:
            item_ids = args.items
        else:
            item_ids = items_needing_ocr(vault, retry_failed=args.retry)
        if not item_ids:
            print("Nothing to read: every item has OCR text.")
            return EXIT_OK
        return _ocr_and_report(vault, item_ids, args.ocr_engine)


def _print_summary_row(item: Any) -> None:
    orders = ",".join(item.values("order_no"))
    _row(item.id, item.kind, item.event_time() or "-", orders or "-", item.original_name)


def _emit_items(vault: Vault, items: Sequence[Any], as_json: bool) -> None:
    full = [vault.item(i.id) for i in items]
    if as_json:
        cases = {c.id: c for c in vault.cases()}
        _print_json([item_json(i, cases.get(i.case_id)) for i in full])
    else:
        for item in full:
            _print_summary_row(item)


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as vault:
        case_id = vault.find_case(args.case).id if args.case else None
        _emit_items(vault, vault.items(case_id), args.json)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as vault:
        item = vault.item(args.id)
        if args.json:
            _print_json(item_json(item, vault.case(item.case_id)))
            return EXIT_OK
        _say(f"Item {item.id}: {item.original_name} ({item.media_type}, {item.size} bytes)")
        _say(f"  case {item.case_id}, kind {item.kind}, SHA-256 {item.sha256}")
        _say(f"  imported {item.imported_at}, captured {item.captured_at or '-'}, OCR {item.ocr_state}")
        _print_fields(item)
        if item.note:
            _say(f"  note: {item.note}")
        if item.ocr_text:
            print("  --- OCR text ---")
            for line in item.ocr_text.splitlines():
                _say("  " + line)
    return EXIT_OK


def _print_fields(item: Any) -> None:
    """One line per field with its id (for 'field add --corrects' and 'field reject').

    A rejection is stored as an empty user value correcting the OCR field (Vault.reject_field):
    the OCR field is shown as rejected, and the empty value itself is not shown.
    """
    rejected = {f.corrects for f in item.fields if f.origin == "user" and f.corrects is not None and not f.normalized}
    for f in item.fields:
        if f.origin == "user" and f.corrects in rejected and not f.normalized:
            continue
        mark = " (rejected)" if f.id in rejected else " (corrected)" if f.superseded else ""
        _say(f"  #{f.id:<5} {f.type:<15} {f.normalized}  [{f.origin}]{mark}")


def cmd_search(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as vault:
        case_id = vault.find_case(args.case).id if args.case else None
        hits = vault.search(args.query, case_id=case_id)
        _emit_items(vault, hits, args.json)
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
    changes = {
        k: v for k, v in {
            "note": args.note, "kind": args.kind, "title": args.title,
            "purpose": args.purpose, "formed_at": args.formed_at,
        }.items() if v is not None
    }
    if not changes:
        raise UsageError("nothing to change: give --note, --kind, --title, --purpose or --formed-at")
    if "formed_at" in changes:
        try:
            changes["formed_at"] = normalize_user_time(changes["formed_at"])
        except ValueError as e:
            raise UsageError(f"--formed-at: {e}") from e
    with _open(args) as vault:
        vault.update_item(args.id, **changes)
    return EXIT_OK


def cmd_field_add(args: argparse.Namespace) -> int:
    value = args.value.strip()
    if not value and args.corrects is not None:
        raise UsageError(
            f"an empty value does not correct field {args.corrects}; to mark it wrong without another value, "
            f"use 'evidence-vault field reject {args.id} {args.corrects}'"
        )
    if not value:
        raise UsageError("the value is empty; give the text the field should hold")
    if args.type == "timestamp":
        try:
            value = normalize_user_time(value)
        except ValueError as e:
            raise UsageError(f"timestamp: {e}") from e
    with _open(args) as vault:
        print(vault.add_user_field(args.id, args.type, value, corrects=args.corrects, raw=args.value))
    return EXIT_OK


def cmd_field_reject(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        vault.reject_field(args.id, args.field_id, reason=args.reason or "")
    print(f"Field {args.field_id} of item {args.id} is marked wrong (kept, and recorded in the audit log).")
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        vault.delete_item(args.id, reason=args.reason or "")
    return EXIT_OK


def cmd_log(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as vault:
        entries = vault.audit_entries(args.item)
    if args.json:
        _print_json([{"seq": e.seq, "at": e.at, "action": e.action, "payload": e.payload,
                      "prev_hash": e.prev_hash, "hash": e.hash} for e in entries])
    else:
        for e in entries:
            _row(e.seq, e.at, e.action, json.dumps(e.payload, ensure_ascii=False), e.hash[:16])
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    warning = unmerged_journal_warning(Path(args.vault))
    if warning:
        print(f"warning: {terminal_safe(warning)}", file=sys.stderr)
    with _open(args, read_only=True) as vault:
        problems = verify(vault)
        count = len(vault.items())
        _, head = vault.audit_head()
    if not problems:
        print(f"OK: {count} items, every original matches its SHA-256, audit log intact (head {head}).")
        return EXIT_OK
    print(f"{len(problems)} problem(s) found:")
    for problem in problems:
        _say(f"  {problem.where}: {problem.message}")
    return EXIT_PROBLEMS


def cmd_passwd(args: argparse.Namespace) -> int:
    vault = _open(args)
    try:
        new = _new_passphrase(args.new_passphrase_file, "EVIDENCE_VAULT_NEW_PASSPHRASE", "New passphrase: ")
        reopened = maintenance.change_passphrase(vault, new)
    except BaseException:
        vault.close()  # a failed change leaves the vault as it was: release it
        raise
    reopened.close()
    print("Passphrase changed.")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        maintenance.backup(vault, Path(args.out), _passphrase(args))
    print(f"Encrypted backup written to {args.out} (same passphrase).")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    folder = Path(args.vault).parent
    if not folder.is_dir():
        raise UsageError(f"the folder {folder} does not exist; create it first or give another --vault")
    kept = maintenance.restore(Path(args.source), Path(args.vault), _passphrase(args))
    print(f"Restored {args.vault} from {args.source}.")
    if kept:
        print(f"The previous vault was kept as {kept}.")
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from ocr.extract import ExtractionConfig, extract_text

    text = sys.stdin.read() if args.text == "-" else args.text
    if args.reference:
        try:
            reference = datetime.fromisoformat(args.reference)
        except ValueError as e:
            raise UsageError(f"--reference must be an ISO 8601 time, e.g. 2026-02-14T22:15:00+08:00 ({e})") from e
        if reference.tzinfo is None:
            raise UsageError("--reference needs a time zone, e.g. +08:00")
        config = ExtractionConfig(reference, "explicit")
    else:
        config = ExtractionConfig(datetime.now().astimezone(), "import")
    fields = extract_text(text, config)
    if args.json:
        _print_json([
            {"type": str(f.type), "value": f.raw, "normalized": f.normalized,
             "confidence": round(f.confidence, 3), "reference": f.reference or None}
            for f in fields
        ])
    else:
        for f in fields:
            _row(f.type, f.normalized, f.raw)
    return EXIT_OK


def parse_size(text: str) -> int:
    """'10MB', '500 KB', '2.5M' or plain bytes, as a byte count (1 MB = 1,000,000 bytes, as upload forms mean)."""
    match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([kKmMgG]?)[bB]?\s*", text)
    if not match:
        raise UsageError(f"cannot read size {text!r}; write e.g. 10MB or 500KB")
    number, unit = float(match.group(1)), match.group(2).lower()
    return int(number * {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[unit])


def cmd_export(args: argparse.Namespace) -> int:
    from export.errors import ExportError
    from export.from_vault import export_case
    from export.model import ExportOptions

    password = None
    if args.password_file:
        password = _read_secret(args.password_file, "", "", False)
    options = ExportOptions(
        lang=args.lang,
        redact=args.redact,
        password=password,
        attachments=not args.no_attachments,
        max_size=parse_size(args.max_size) if args.max_size else None,
    )
    with _open(args) as vault:
        case_id = _resolve_case(vault, args.case)
        try:
            result = export_case(vault, case_id, Path(args.output), options, item_ids=args.items)
        except ExportError as e:
            raise UsageError(str(e)) from e
    print(f"Wrote {result.path} ({result.pages} pages, {result.size:,} bytes), SHA-256 {result.sha256}")
    return EXIT_OK


# --- parser -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="evidence-vault", description="Encrypted evidence vault (证据保险箱).")
    parser.add_argument("--vault", default=str(default_vault_path()), help="vault file (default: %(default)s)")
    parser.add_argument(
        "--passphrase-file", help="read the passphrase from this file's first line (UTF-8; a BOM is ignored)"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("init", help="create a new vault").set_defaults(func=cmd_init)

    case = sub.add_parser("case", help="add or list cases").add_subparsers(dest="case_command", required=True)
    add = case.add_parser("add", help="add a case (a dispute)")
    add.add_argument("title", type=_text)
    for name in ("respondent", "channel", "claim", "notes", "case-number", "facts", "complainant-name",
                 "complainant-phone", "complainant-address", "respondent-address"):
        add.add_argument(f"--{name}", type=_text)
    add.set_defaults(func=cmd_case_add)
    listing = case.add_parser("list", help="list cases")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_case_list)

    imp = sub.add_parser("import", help="import files or folders as evidence, then OCR them")
    imp.add_argument("paths", nargs="+", metavar="FILE|DIR")
    imp.add_argument("--case", help="case id or title (default: the only case)")
    imp.add_argument("--kind", choices=KINDS)
    imp.add_argument("--no-ocr", action="store_true", help="store only; read later with 'ocr'")
    imp.add_argument("--ocr-engine", choices=("rapidocr", "tesseract"))
    imp.set_defaults(func=cmd_import)

    ocr = sub.add_parser("ocr", help="read items that have no OCR text yet")
    ocr.add_argument("--retry", action="store_true", help="also retry items whose OCR failed")
    ocr.add_argument("--ocr-engine", choices=("rapidocr", "tesseract"))
    ocr.add_argument("--item", dest="items", type=_item_id, action="append", help="re-read this item (repeatable)")
    ocr.set_defaults(func=cmd_ocr)

    listing_items = sub.add_parser("list", help="list evidence items")
    listing_items.add_argument("--case")
    listing_items.add_argument("--json", action="store_true")
    listing_items.set_defaults(func=cmd_list)

    show = sub.add_parser("show", help="show one item with its fields and OCR text")
    show.add_argument("id", type=_item_id)
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_show)

    search = sub.add_parser("search", help="search by order number or text (Chinese substrings)")
    search.add_argument("query", type=_text)
    search.add_argument("--case")
    search.add_argument("--json", action="store_true")
    search.set_defaults(func=cmd_search)

    edit = sub.add_parser("edit", help="edit an item's note, kind, title, 证明目的 or 形成时间")
    edit.add_argument("id", type=_item_id)
    edit.add_argument("--note", type=_text)
    edit.add_argument("--kind", choices=KINDS)
    edit.add_argument("--title", type=_text)
    edit.add_argument("--purpose", type=_text)
    edit.add_argument("--formed-at", help="ISO 8601 date or time, e.g. 2026-02-14 or 2026-02-14 22:15")
    edit.set_defaults(func=cmd_edit)

    field = sub.add_parser("field", help="add, correct or reject a field").add_subparsers(
        dest="field_command", required=True
    )
    fadd = field.add_parser("add", help="add a field; with --corrects, replace an OCR value (both are kept)")
    fadd.add_argument("id", type=_item_id, help="item id")
    fadd.add_argument("type", help="order_no, timestamp, amount, phone, ticket_no, logistics_no, agent, …")
    fadd.add_argument("value", type=_text, help="the value; a timestamp as 2026-02-14 22:15 (ISO 8601)")
    fadd.add_argument("--corrects", type=_item_id, metavar="FIELD_ID")
    fadd.set_defaults(func=cmd_field_add)
    freject = field.add_parser("reject", help="mark a field read by OCR as wrong (it is kept, superseded)")
    freject.add_argument("id", type=_item_id, help="item id")
    freject.add_argument("field_id", type=_item_id, metavar="FIELD_ID", help="the field's #id in 'show'")
    freject.add_argument("--reason", type=_text)
    freject.set_defaults(func=cmd_field_reject)

    delete = sub.add_parser("delete", help="delete an item (recorded in the audit log)")
    delete.add_argument("id", type=_item_id)
    delete.add_argument("--reason", type=_text)
    delete.set_defaults(func=cmd_delete)

    log = sub.add_parser("log", help="show the audit log")
    log.add_argument("--item", type=_item_id)
    log.add_argument("--json", action="store_true")
    log.set_defaults(func=cmd_log)

    sub.add_parser("verify", help="check every original's SHA-256 and the audit chain").set_defaults(func=cmd_verify)

    passwd = sub.add_parser("passwd", help="change the passphrase")
    passwd.add_argument("--new-passphrase-file")
    passwd.set_defaults(func=cmd_passwd)

    backup = sub.add_parser("backup", help="write an encrypted backup")
    backup.add_argument("out")
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser("restore", help="replace the vault with a verified backup (the old one is kept)")
    restore.add_argument("source", metavar="IN")
    restore.set_defaults(func=cmd_restore)

    extract = sub.add_parser("extract", help="run the field extractors on text (one OCR line per line)")
    extract.add_argument("text", metavar="TEXT|-")
    extract.add_argument("--reference", help="ISO 8601 time that partial dates resolve against")
    extract.add_argument("--json", action="store_true")
    extract.set_defaults(func=cmd_extract)
    export = sub.add_parser("export", help="write the case's dossier PDF")
    export.add_argument("--case", help="case id or title (default: the only case)")
    export.add_argument("-o", "--output", required=True, metavar="PDF")
    export.add_argument("--items", type=_item_id, nargs="+", metavar="ID", help="exhibits in this order (default: all)")
    export.add_argument("--lang", choices=("zh", "en"), default="zh")
    export.add_argument("--redact", action="store_true", help="black out ID/bank card and phone numbers")
    export.add_argument("--password-file", help="protect the PDF with the password in this file (AES-256)")
    export.add_argument("--no-attachments", action="store_true", help="do not embed the original files")
    export.add_argument("--max-size", help="keep the PDF under this size, e.g. 10MB")
    export.set_defaults(func=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (UsageError, VaultError, OcrError, ValueError) as e:
        print(f"evidence-vault: {terminal_safe(e)}", file=sys.stderr)
        return EXIT_USAGE
    except OperationalError as e:  # busy or disk full outside a transaction, e.g. at a checkpoint
        translated = storage_error(e, Path(args.vault))
        if translated is None:
            raise
        print(f"evidence-vault: {terminal_safe(translated)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("evidence-vault: interrupted; every file imported so far is complete", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

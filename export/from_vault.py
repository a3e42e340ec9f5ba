"""From a vault case to a dossier: choosing exhibits, wording their defaults, logging the export."""
from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from export.errors import ExportCancelled, UnreadForRedaction
from export.events import timeline_events
from export.order import ExhibitOrder, exhibit_order
from export.request import DossierRequest, Exhibit, ExhibitField, ExportOptions, ExportResult, Party
from export.texts import labels_for
from export.signing import SigningSettings, TsaSettings
from ocr.errors import OcrEngineUnavailable
from ocr.types import OcrLine
from vault.evidence import Item, OcrState
from vault.exhibit_order import manual_order
from vault.media import holds_records
from vault.outputs import check_output_path
from vault.selections import Selection, case_selections, selected_records
from vault.signing_key import signing_identity
from vault.store import Vault

_DEFAULT_TITLES = {
    "zh": {"order": "订单截图", "payment": "支付及账单记录", "bill": "账单明细", "invoice": "发票", "chat": "客服聊天记录",
           "complaint": "投诉记录", "other": "其他证据"},
    "en": {"order": "Order page", "payment": "Payment and bill record", "bill": "Bill statement rows",
           "invoice": "Invoice",
           "chat": "Customer-service chat", "complaint": "Complaint record", "other": "Other evidence"},
}
_DEFAULT_PURPOSES = {
    "zh": {
        "order": "证明订单信息、交易时间及金额",
        "payment": "证明付款、账单及还款事实与金额",
        "bill": "证明账单明细所载交易的时间、对方、金额及状态",
        "invoice": "证明所购商品或服务已开具发票及其金额",
        "chat": "证明与平台客服沟通的经过及客服作出的答复、承诺",
        "complaint": "证明已向平台投诉及投诉处理情况",
        "other": "证明与本案有关的事实",
    },
    "en": {
        "order": "Shows the order, its time and amount",
        "payment": "Shows the payment, bill or repayment and its amount",
        "bill": "Shows the time, counterparty, amount and status of the bill's transactions",
        "invoice": "Shows the invoice issued for the purchase and its amount",
        "chat": "Shows what customer service said and promised",
        "complaint": "Shows the complaint was filed and how it was handled",
        "other": "Shows facts relevant to this case",
    },
}
_SOURCES = {
    "zh": {"pdf": "电子文件（PDF）原件", "image": "当事人手机/电脑截图原件", "records": "平台导出的电子文件原件"},
    "en": {"pdf": "Electronic PDF original", "image": "Screenshot original from the complainant's device",
           "records": "Electronic export file from the platform"},
}
DEFAULT_HOLDER = "证据保险箱用户"
"""Certificate subject when neither a holder setting nor the case's complainant names one."""


RECORDS_PRINTED = 500
"""Rows of one bill or chat printed in its exhibit; picking the rows that matter is the user's next step."""


def _exhibit(vault: Vault, item: Item, lang: str, title: str | None, purpose: str | None) -> Exhibit:
    kind = item.kind if item.kind in _DEFAULT_TITLES[lang] else "other"
    tabled = holds_records(item.media_type)
    fields = tuple(ExhibitField(f.type, f.normalized, f.raw, f.bbox, f.role or "") for f in item.effective_fields())
    lines = tuple(OcrLine(line.text, line.bbox or (0, 0, 0, 0), line.confidence) for line in item.ocr_lines)
    return Exhibit(
        item_id=item.id,
        title=title or item.title or _DEFAULT_TITLES[lang][kind],
        purpose=purpose or item.purpose or _DEFAULT_PURPOSES[lang][kind],
        source=_SOURCES[lang]["records" if tabled else "pdf" if item.media_type == "application/pdf" else "image"],
        kind=kind,
        original_name=item.original_name,
        sha256=item.sha256,
        media_type=item.media_type,
        formed_at=item.event_time(),
        captured_at=item.captured_at,
        imported_at=item.imported_at,
        fields=fields,
        ocr_text=item.ocr_text,
        ocr_lines=lines,
        load_original=lambda item_id=item.id: vault.original(item_id),
        note=item.note,
        records=tuple(vault.records(item.id, 0, RECORDS_PRINTED)) if tabled else None,
        record_total=vault.record_count(item.id) if tabled else 0,
    )


def _selection_exhibit(vault: Vault, whole: Exhibit, selection: Selection, lang: str) -> Exhibit:
    """One selection of a records item as its own exhibit: only its rows, dated by the first of them."""
    picked = tuple(selected_records(vault, selection))
    return replace(
        whole,
        title=selection.title or whole.title + labels_for(lang).excerpt,
        purpose=selection.purpose or whole.purpose,
        formed_at=next((r.time for r in picked if r.time), whole.formed_at),
        records=picked,
        selection_id=selection.id,
    )


def _item_exhibits(vault: Vault, item: Item, lang: str, title: str | None, purpose: str | None,
                   picks: Sequence[Selection], only: Collection[int] | None) -> list[Exhibit]:
    """The item as one exhibit, or as one per selection (`only` those ids when given) if it has any."""
    whole = _exhibit(vault, item, lang, title, purpose)
    if not picks:
        return [whole]
    chosen = [s for s in picks if only is None or s.id in only]
    if not chosen:
        raise ValueError(f"item {item.id} has none of the selections {sorted(only or ())}")
    return [_selection_exhibit(vault, replace(whole, records=None), s, lang) for s in chosen]


def case_exhibits(vault: Vault, case_id: int, order: ExhibitOrder | str = ExhibitOrder.TIME) -> list[Item]:
    """The case's items in exhibit order: 证据N is the N-th. The GUI's export list shows this order."""
    listed = [vault.item(i.id) for i in vault.items(case_id)]
    return exhibit_order(listed, order, manual_order(vault, case_id))


def _case_items(vault: Vault, case_id: int, item_ids: Sequence[int] | None,
                order: ExhibitOrder | str = ExhibitOrder.TIME) -> list[Item]:
    if item_ids is None:
        return case_exhibits(vault, case_id, order)
    items = [vault.item(i) for i in item_ids]
    foreign = [i.id for i in items if i.case_id != case_id]
    if foreign:
        raise ValueError(f"items {foreign} do not belong to case {case_id}")
    return items


def read_before_redacting(
    vault: Vault,
    case_id: int,
    item_ids: Sequence[int] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """OCR the exhibits a redacted copy could not mask yet, or refuse.

    Redaction masks what OCR has read. An item never read (imported with --no-ocr, OCR failed or
    skipped) could show an ID card or phone number that nothing would black out, under a cover that
    says the copy is redacted (issue #11). Someone asking for a redacted copy expects one, not a
    chore, so such items are read first with the best installed engine and the result is stored as
    any OCR run stores it. Where no engine is installed, or reading an item fails,
    UnreadForRedaction names the items and why. An item read without any text found is exported as
    it is: the engine saw nothing there to mask.
    """
    unread = [item for item in _case_items(vault, case_id, item_ids)
              if item.ocr_state != OcrState.DONE and not holds_records(item.media_type)]  # rows are text already
    if not unread:
        return
    from vault.ingest import choose_engine, run_ocr  # loads the engines: only when something is unread

    try:
        engine, _ = choose_engine()
    except OcrEngineUnavailable as e:
        _refuse({item.id: f"{_unread_reason(item)}, and {e}" for item in unread})
    report = run_ocr(vault, [item.id for item in unread], engine, cancelled=cancelled or (lambda: False))
    if report.cancelled:
        raise ExportCancelled("export cancelled while reading items for redaction")
    if report.failed:
        _refuse({item_id: f"OCR failed: {error}" for item_id, error in report.failed.items()})


def _unread_reason(item: Item) -> str:
    if item.ocr_state == OcrState.FAILED:
        return f"OCR failed before ({item.ocr_error or 'no reason recorded'})"
    return "it was imported without OCR"


def _refuse(reasons: dict[int, str]) -> NoReturn:
    listed = "; ".join(f"item {item_id}: {reason}" for item_id, reason in reasons.items())
    raise UnreadForRedaction(
        f"a redacted copy cannot hide personal data in items OCR has not read ({listed}); read them with "
        "'evidence-vault ocr --retry', or leave them out with --items", reasons)


def dossier_request(
    vault: Vault,
    case_id: int,
    item_ids: Sequence[int] | None = None,
    lang: str = "zh",
    titles: Mapping[int, str] | None = None,
    purposes: Mapping[int, str] | None = None,
    cover: Mapping[str, str] | None = None,
    timeline_notes: bool = False,
    order: ExhibitOrder | str = ExhibitOrder.TIME,
    selection_ids: Collection[int] | None = None,
) -> DossierRequest:
    """The request for a case's dossier; `item_ids` chooses exhibits and their order, else `order` does.

    An item with picked rows (vault.selections) is printed as one exhibit per selection, in its
    place; `selection_ids` keeps only those of its selections (one file per exhibit). Without
    selections it is one exhibit. `timeline_notes` puts the items' notes (备注) into the timeline
    (ExportOptions.timeline_notes).
    """
    case = vault.case(case_id)
    if cover:
        case = replace(case, **cover)
    items = _case_items(vault, case_id, item_ids, order)
    picks = case_selections(vault, case_id)
    exhibits = tuple(
        exhibit for item in items for exhibit in _item_exhibits(
            vault, item, lang, (titles or {}).get(item.id), (purposes or {}).get(item.id), picks.get(item.id, []),
            selection_ids)
    )
    _, head = vault.audit_head()
    return DossierRequest(
        case_title=case.title,
        case_number=case.case_number,
        complainant=Party(case.complainant_name, case.complainant_phone, case.complainant_address),
        respondent=Party(case.respondent, "", case.respondent_address),
        channel=case.channel,
        claim=case.claim,
        facts=case.facts,
        exhibits=exhibits,
        events=timeline_events(exhibits, labels_for(lang), timeline_notes),
        audit_head_hash=head,
        generated_at=datetime.now().astimezone(),
    )


def export_case(
    vault: Vault,
    case_id: int,
    out_path: Path,
    options: ExportOptions,
    item_ids: Sequence[int] | None = None,
    titles: Mapping[int, str] | None = None,
    purposes: Mapping[int, str] | None = None,
    cover: Mapping[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    tsa: TsaSettings | None = None,
    holder: str = "",
    order: ExhibitOrder | str = ExhibitOrder.TIME,
    first_exhibit_number: int = 1,
    selection_ids: Collection[int] | None = None,
) -> ExportResult:
    """Build the dossier PDF, signed with the vault's key, and record it (with its SHA-256) in the audit log.

    A redacted export first reads the items OCR has not read (see read_before_redacting). Without
    `item_ids`, `order` numbers the exhibits (see export.order). The key
    is made on the first export, for `holder` or else the case's complainant (see vault.signing_key).
    """
    from export import build_dossier

    check_output_path(vault, Path(out_path))
    if options.redact:
        read_before_redacting(vault, case_id, item_ids, cancelled=cancelled)
    request = dossier_request(vault, case_id, item_ids, options.lang, titles, purposes, cover,
                              options.timeline_notes, order, selection_ids)
    identity = signing_identity(vault, holder or request.complainant.name or DEFAULT_HOLDER)
    request = replace(request, signer_fingerprint=identity.fingerprint, first_exhibit_number=first_exhibit_number)
    options = replace(options, signing=SigningSettings(identity.key_pem, identity.certificate_pem, tsa))
    result = build_dossier(request, options, Path(out_path), progress, cancelled)
    signature = result.signature
    picked = [e.selection_id for e in request.exhibits]  # beside "items": 证据N prints items[N-1], that selection
    vault.record(
        "case.export",
        {
            "case_id": case_id,
            "items": [e.item_id for e in request.exhibits],
            **({"selections": picked} if any(s is not None for s in picked) else {}),
            "file": Path(out_path).name,
            "pdf_sha256": result.sha256,
            "audit_head": request.audit_head_hash,
            "lang": options.lang,
            "redacted": options.redact,
            "password": options.password is not None,
            "attachments": options.attachments and not options.redact,
            "signer_fingerprint": identity.fingerprint,
            # 待加时间戳: a requested timestamp that the TSA did not give is added later with `timestamp`
            "timestamp": signature.timestamp.value if signature else None,
            "timestamp_problem": signature.timestamp_problem if signature else "",
        },
    )
    return result

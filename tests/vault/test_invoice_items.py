"""E-invoice files in the vault: one item byte-exact, its facts as fields, its lines as records."""
from __future__ import annotations

import hashlib

import pytest

from bench.invoice_files import invoice_ofd, invoice_xml, sample_invoice
from ocr.types import AmountRole
from vault.errors import Rejection
from vault.evidence import ImportStatus
from vault.store import Vault
from vault.verify import verify

INVOICE = sample_invoice(seed=11, items=2)


@pytest.mark.parametrize(
    ("name", "data", "media_type"),
    [pytest.param("发票.ofd", invoice_ofd(INVOICE), "application/ofd", id="ofd"),
     pytest.param("发票.xml", invoice_xml(INVOICE), "application/xml", id="einvoice-xml")],
)
def test_invoice_file_is_one_item_with_fields_and_line_records(
    vault: Vault, case_id: int, name: str, data: bytes, media_type: str
) -> None:
    outcome = vault.import_bytes(case_id, data, name)
    assert (outcome.status, outcome.records) == (ImportStatus.IMPORTED, len(INVOICE.items))
    item = vault.item(outcome.item_id)
    assert (item.kind, item.media_type, item.ocr_state) == ("invoice", media_type, "skipped")
    assert vault.original(item.id) == data and item.sha256 == hashlib.sha256(data).hexdigest()
    by_type = {(f.type, f.role): f.normalized for f in item.fields}
    assert by_type[("invoice_no", "")] == INVOICE.number
    assert by_type[("amount", AmountRole.TOTAL_WITH_TAX)] == f"{INVOICE.total:.2f}"
    assert by_type[("amount", AmountRole.TAX)] == f"{INVOICE.tax:.2f}"
    assert by_type[("amount", AmountRole.NET)] == f"{INVOICE.net:.2f}"
    assert {f.normalized for f in item.fields if f.type == "tax_id"} == {INVOICE.seller_tax_id, INVOICE.buyer_tax_id}
    assert all(f.item_id == item.id and f.origin == "ocr" for f in item.fields)
    assert item.event_time().startswith(INVOICE.issued.date().isoformat())
    assert [(r.row, r.description) for r in vault.records(item.id)] == [(1, INVOICE.items[0].name),
                                                                         (2, INVOICE.items[1].name)]
    assert verify(vault) == []


def test_search_by_invoice_number_seller_tax_id_and_line_finds_the_invoice(vault: Vault, case_id: int) -> None:
    item_id = vault.import_bytes(case_id, invoice_ofd(INVOICE), "发票.ofd").item_id
    vault.import_bytes(case_id, invoice_xml(sample_invoice(seed=12)), "other.xml")
    assert [i.id for i in vault.search(INVOICE.number)] == [item_id]
    assert [i.id for i in vault.search(INVOICE.seller_tax_id)] == [item_id]
    matched = vault.matching_records(INVOICE.items[1].name, [item_id])
    assert [r.row for r in matched[item_id]] == [2]


def test_a_wrong_fact_can_be_corrected_like_an_ocr_value(vault: Vault, case_id: int) -> None:
    item_id = vault.import_bytes(case_id, invoice_xml(INVOICE), "发票.xml").item_id
    number = next(f for f in vault.item(item_id).fields if f.type == "invoice_no")
    vault.add_user_field(item_id, "invoice_no", "12345678", corrects=number.id)
    assert [f.normalized for f in vault.item(item_id).effective_fields() if f.type == "invoice_no"] == ["12345678"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [pytest.param("发票.ofd", invoice_ofd(INVOICE)[:900], Rejection.DAMAGED_OFD, id="truncated-ofd"),
     pytest.param("a.xml", b"<?xml version='1.0'?><rss><channel/></rss>", Rejection.NOT_AN_INVOICE, id="rss"),
     pytest.param("a.xml", invoice_xml(INVOICE)[:-200], Rejection.DAMAGED_XML, id="truncated-xml")],
)
def test_bad_invoice_files_are_rejected_and_nothing_is_stored(
    vault: Vault, case_id: int, name: str, data: bytes, reason: Rejection
) -> None:
    outcome = vault.import_bytes(case_id, data, name)
    assert (outcome.status, outcome.reason) == (ImportStatus.REJECTED, reason) and outcome.detail
    assert vault.items(case_id) == [] and vault.db.query("SELECT count(*) FROM fields")[0][0] == 0

"""`import x.ofd` / `x.xml` / `x.pdf` stores an invoice; `search INVOICE_NO --json` finds it with its fields."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.invoice_files import invoice_ofd, invoice_pdf, invoice_xml, sample_invoice

INVOICE = sample_invoice(seed=21, items=2)


def test_import_ofd_and_search_by_invoice_number(cli, tmp_path: Path) -> None:
    (tmp_path / "发票.ofd").write_bytes(invoice_ofd(INVOICE))
    assert cli("init")[0] == 0
    code, out, err = cli("import", str(tmp_path / "发票.ofd"))
    assert code == 0, err
    assert "Imported 1" in out and "2 records stored" in err + out
    code, out, _ = cli("search", "--json", INVOICE.number)
    (hit,) = json.loads(out)
    assert (hit["kind"], hit["media_type"], hit["original_name"]) == ("invoice", "application/ofd", "发票.ofd")
    facts = {(f["type"], f["role"] or ""): f["normalized"] for f in hit["fields"]}
    assert facts[("invoice_no", "")] == INVOICE.number
    assert facts[("amount", "total_with_tax")] == f"{INVOICE.total:.2f}"
    assert hit["formed_at"].startswith(INVOICE.issued.date().isoformat())
    shown = json.loads(cli("show", "--json", str(hit["id"]))[1])
    assert [r["description"] for r in shown["records"]] == [i.name for i in INVOICE.items]


def test_xml_that_is_no_invoice_is_refused_with_its_reason(cli, tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
    (tmp_path / "发票.xml").write_bytes(invoice_xml(INVOICE))
    assert cli("init")[0] == 0
    code, out, err = cli("import", str(tmp_path / "feed.xml"), str(tmp_path / "发票.xml"))
    assert code == 2 and "feed.xml" in err + out and "not a 数电票" in err + out
    assert [h["original_name"] for h in json.loads(cli("search", "--json", INVOICE.number)[1])] == ["发票.xml"]


@pytest.mark.slow
def test_pdf_invoice_with_a_text_layer_is_read_as_an_invoice(cli, tmp_path: Path) -> None:
    """The common 电子发票 PDF goes the image way: its text layer gives kind and fields, no records."""
    (tmp_path / "电子发票.pdf").write_bytes(invoice_pdf(INVOICE))
    assert cli("init")[0] == 0
    code, out, err = cli("import", str(tmp_path / "电子发票.pdf"))
    assert code == 0, err + out
    (hit,) = json.loads(cli("search", "--json", INVOICE.number)[1])
    assert (hit["kind"], hit["media_type"], hit["ocr_state"]) == ("invoice", "application/pdf", "done")
    facts = {(f["type"], f["role"] or ""): f["normalized"] for f in hit["fields"]}
    assert facts[("invoice_no", "")] == INVOICE.number
    assert facts[("timestamp", "")] == INVOICE.issued.date().isoformat()
    assert facts[("amount", "total_with_tax")] == f"{INVOICE.total:.2f}"
    assert facts[("amount", "net")] == f"{INVOICE.net:.2f}"
    assert facts[("amount", "tax")] == f"{INVOICE.tax:.2f}"
    assert {f["normalized"] for f in hit["fields"] if f["type"] == "tax_id"} == {INVOICE.seller_tax_id,
                                                                                 INVOICE.buyer_tax_id}
    assert json.loads(cli("show", "--json", str(hit["id"]))[1])["records"] == []

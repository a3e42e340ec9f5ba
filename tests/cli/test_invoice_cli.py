"""`import x.ofd` / `x.xml` stores an invoice; `search INVOICE_NO --json` finds it with its fields."""
from __future__ import annotations

import json
from pathlib import Path

from bench.invoice_files import invoice_ofd, invoice_xml, sample_invoice

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

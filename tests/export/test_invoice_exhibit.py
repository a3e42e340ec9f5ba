"""An e-invoice file in a dossier: its facts in the caption and timeline, its lines in an invoice table."""
from __future__ import annotations

from pathlib import Path

import pikepdf

from bench.invoice_files import invoice_ofd, sample_invoice
from export.from_vault import export_case
from export.request import ExportOptions
from tests.export.conftest import flat_text
from vault.store import Vault

INVOICE = sample_invoice(seed=31, items=2)


def test_invoice_lines_are_printed_under_invoice_headings(tmp_path: Path) -> None:
    data = invoice_ofd(INVOICE)
    with Vault.create(tmp_path / "v.evault", "an invoice in a dossier") as vault:
        case_id = vault.add_case("发票纠纷")
        vault.import_bytes(case_id, data, "发票.ofd")
        result = export_case(vault, case_id, tmp_path / "dossier.pdf", ExportOptions())
    text = flat_text(result.path)
    assert "项目名称" in text and "销售方" in text and "收/支" not in text
    assert all(item.name in text for item in INVOICE.items)
    assert f"税额 {INVOICE.items[0].tax:.2f}" in text and INVOICE.seller_name in text
    assert text.count(INVOICE.number) >= 3, "index, timeline and caption name the invoice number"
    assert f"¥{INVOICE.total:.2f}" in text
    with pikepdf.open(result.path) as pdf:
        assert [bytes(f.get_file().read_bytes()) for f in pdf.attachments.values()] == [data]

"""A bill or chat export in a dossier: its rows printed as a table, the whole file attached."""
from __future__ import annotations

from pathlib import Path

import pikepdf

from bench.record_files import bill_rows, wechat_csv
from export.from_vault import export_case
from export.request import ExportOptions
from tests.export.conftest import flat_text
from vault.ingest import IngestOptions, ingest
from vault.store import Vault


def _vault_with_bill(tmp_path: Path, rows: int = 25) -> tuple[Vault, int, bytes]:
    bill = tmp_path / "微信支付账单.csv"
    data = wechat_csv(bill_rows(rows, seed=5))
    bill.write_bytes(data)
    vault = Vault.create(tmp_path / "v.evault", "records in a dossier")
    case_id = vault.add_case("退款纠纷")
    ingest(vault, case_id, [bill], IngestOptions(read=False))
    return vault, case_id, data


def test_bill_rows_are_printed_and_the_file_attached(tmp_path: Path) -> None:
    vault, case_id, data = _vault_with_bill(tmp_path)
    with vault:
        item = vault.items(case_id)[0]
        records = vault.records(item.id)
        result = export_case(vault, case_id, tmp_path / "dossier.pdf", ExportOptions())
    text = flat_text(result.path)
    assert "共 25 条记录" in text and "交易单号" in text
    assert all(r.transaction_no in text for r in records if r.transaction_no)
    assert "平台导出的电子文件，无需文字识别" in text and "无识别文字" not in text, "the OCR appendix says why it is empty"
    with pikepdf.open(result.path) as pdf:
        attached = [bytes(f.get_file().read_bytes()) for f in pdf.attachments.values()]
    assert attached == [data], "the whole original stays attached, byte-exact"


def test_a_redacted_dossier_does_not_try_to_ocr_a_bill(tmp_path: Path) -> None:
    vault, case_id, _ = _vault_with_bill(tmp_path, rows=5)
    with vault:
        result = export_case(vault, case_id, tmp_path / "redacted.pdf", ExportOptions(redact=True))
    assert "共 5 条记录" in flat_text(result.path)

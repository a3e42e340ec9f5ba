"""Picked rows in the dossier: one exhibit per selection, only its rows, the original attached once."""
from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest

from bench.dossier_demo import demo_request
from bench.record_files import bill_rows, chat_txt, wechat_csv
from export.events import describe_record, timeline_events
from export.from_vault import dossier_request, export_case
from export.order import ExhibitOrder
from export.presets import export_each, export_in_parts
from export.request import ExportOptions
from export.texts import labels_for
from ocr.records import Direction, Record
from tests.export.conftest import flat_text, page_texts
from tests.factories import png_bytes
from vault.exhibit_order import set_manual_order
from vault.selections import create_selection
from vault.store import Vault

ROWS = bill_rows(60, seed=31)
FIRST_ROW = 18
REFUNDS = [n for n, row in enumerate(ROWS) if not row.out][:3]
PICKED = [FIRST_ROW + n for n in REFUNDS]
assert PICKED[1] == PICKED[0] + 1 != PICKED[2] - 1, "the seed gives a run of two refunds and a third apart"
UNPICKED = [row for n, row in enumerate(ROWS) if n not in REFUNDS and n != 40]


class Case:
    """A case with a screenshot, a bill picked as two selections and a chat picked as one."""

    def __init__(self, tmp_path: Path) -> None:
        self.vault = Vault.create(tmp_path / "v.evault", "picked rows in a dossier")
        self.case_id = self.vault.add_case("退款纠纷", respondent="京东")
        self.shot = self.vault.import_bytes(self.case_id, png_bytes(seed=2), "订单截图.png").item_id
        self.vault.update_item(self.shot, formed_at="2024-02-01T10:00:00+08:00")
        self.bill_data = wechat_csv(ROWS)
        self.bill = self.vault.import_bytes(self.case_id, self.bill_data, "微信支付账单.csv").item_id
        self.chat = self.vault.import_bytes(self.case_id, chat_txt(ROWS[0].order_no), "与客服的聊天.txt").item_id
        self.refunds = create_selection(self.vault, self.bill, PICKED, title="三笔退款", purpose="证明平台已退款三笔")
        self.other = create_selection(self.vault, self.bill, [FIRST_ROW + 40])
        self.promise = create_selection(self.vault, self.chat, [4, 10], purpose="证明客服承诺回电")


@pytest.fixture
def case(tmp_path: Path) -> Case:
    made = Case(tmp_path)
    yield made
    made.vault.close()


def test_each_selection_is_an_exhibit_with_only_its_rows(case: Case, tmp_path: Path) -> None:
    result = export_case(case.vault, case.case_id, tmp_path / "dossier.pdf", ExportOptions(), order=ExhibitOrder.TIME)
    text = flat_text(result.path)
    assert all(ROWS[n].transaction_no in text for n in REFUNDS)
    assert not [row.transaction_no for row in UNPICKED if row.transaction_no in text], "unpicked rows stay out"
    assert ROWS[40].transaction_no in text
    assert "三笔退款" in text and "证明平台已退款三笔" in text
    assert "账单明细（节选）" in text, "a selection without a title takes the item's, marked as an excerpt"
    assert "客服聊天记录（节选）" in text and "证明客服承诺回电" in text
    assert "从原始文件共 60 条记录中选取以下 3 条" in text
    assert f"摘自原始文件“微信支付账单.csv”，SHA-256：{case.vault.item(case.bill).sha256}" in text
    assert f"第 {PICKED[0]}–{PICKED[1]}、{PICKED[2]} 行，共 3 条" in text, "the index cites the rows, runs joined"
    assert "我（本人）" in text and "已为您登记，3个工作日内回电" in text
    assert "您好，请问有什么可以帮您" not in text, "an unpicked message stays out"
    with pikepdf.open(result.path) as pdf:
        attached = {name: bytes(f.get_file().read_bytes()) for name, f in pdf.attachments.items()}
    assert sorted(attached) == ["001_订单截图.png", "002_微信支付账单.csv", "004_与客服的聊天.txt"]
    assert attached["002_微信支付账单.csv"] == case.bill_data, "the bill is attached byte-exact, once"
    assert "完整原始文件附于本证据（附件 002_微信支付账单.csv）" in text
    assert "完整原始文件附于证据2（附件 002_微信支付账单.csv）" in text
    assert "与证据2为同一文件，随证据2附上" in text, "the manifest's row of the second selection"
    subprocess.run(["qpdf", "--check", str(result.path)], check=True, capture_output=True)
    entry = case.vault.audit_entries()[-1]
    assert entry.payload["items"] == [case.shot, case.bill, case.bill, case.chat]
    assert entry.payload["selections"] == [None, case.refunds.id, case.other.id, case.promise.id]


def test_picked_rows_are_timeline_events_pointing_at_their_exhibit(case: Case, tmp_path: Path) -> None:
    request = dossier_request(case.vault, case.case_id, order=ExhibitOrder.TIME)
    events = [(e.when, e.description, e.exhibit_index) for e in request.events]
    assert len(events) == 1 + 3 + 1 + 2, "the screenshot, each picked bill row and each picked message"
    first = ROWS[REFUNDS[0]]
    assert (first.time.strftime("%Y-%m-%dT%H:%M:%S+08:00"),
            f"收到 {first.counterparty} 退款 ¥{first.amount}（{first.goods}，交易单号 {first.transaction_no}）", 2
            ) in events
    paid = ROWS[40]
    assert paid.out and any(d.startswith(f"支付 ¥{paid.amount} 给 {paid.counterparty}") and i == 3
                            for _, d, i in events)
    assert ("2024-03-05T10:03:05+08:00", "京东客服-小美：已为您登记，3个工作日内回电", 4) in events
    result = export_case(case.vault, case.case_id, tmp_path / "dossier.pdf", ExportOptions(), order=ExhibitOrder.TIME)
    timeline = next(page for page in page_texts(result.path) if "事件时间线" in page)
    assert "京东客服-小美：已为您登记" in timeline and "退款 ¥" in timeline and "证据4" in timeline


def test_manual_order_keeps_an_items_selections_together_in_its_place(case: Case) -> None:
    set_manual_order(case.vault, case.case_id, [case.chat, case.bill, case.shot])
    request = dossier_request(case.vault, case.case_id, order=ExhibitOrder.MANUAL)
    assert [(e.item_id, e.selection_id) for e in request.exhibits] == [
        (case.chat, case.promise.id), (case.bill, case.refunds.id), (case.bill, case.other.id), (case.shot, None)]
    assert {e.exhibit_index for e in request.events if "小美" in e.description} == {1}


def test_a_redacted_copy_prints_the_picked_rows_without_attachments(case: Case, tmp_path: Path) -> None:
    result = export_case(case.vault, case.case_id, tmp_path / "redacted.pdf", ExportOptions(redact=True),
                         item_ids=[case.bill, case.chat])  # the screenshot would be read by OCR first
    text = flat_text(result.path)
    assert ROWS[REFUNDS[0]].transaction_no in text and "完整原始文件附于" not in text
    with pikepdf.open(result.path) as pdf:
        assert len(pdf.attachments) == 0


def test_a_big_bill_with_a_few_picked_rows_does_not_flood_the_timeline(tmp_path: Path) -> None:
    rows = bill_rows(10_000, seed=8)
    with Vault.create(tmp_path / "v.evault", "a big bill") as vault:
        case_id = vault.add_case("大账单")
        bill = vault.import_bytes(case_id, wechat_csv(rows), "bill.csv").item_id
        create_selection(vault, bill, [FIRST_ROW + 5000, FIRST_ROW + 9000])
        request = dossier_request(vault, case_id)
    assert [e.description.split("交易单号 ")[-1].rstrip("）") for e in request.events] == [
        rows[5000].transaction_no, rows[9000].transaction_no]
    assert [len(e.records) for e in request.exhibits] == [2]


def test_without_selections_an_export_prints_as_before(tmp_path: Path) -> None:
    with Vault.create(tmp_path / "v.evault", "no picks") as vault:
        case_id = vault.add_case("退款纠纷")
        vault.import_bytes(case_id, wechat_csv(ROWS[:8]), "bill.csv")
        result = export_case(vault, case_id, tmp_path / "plain.pdf", ExportOptions())
    text = flat_text(result.path)
    assert "共 8 条记录，此处列出前 8 条" in text and "节选" not in text


def test_english_dossier_words_the_selections(case: Case, tmp_path: Path) -> None:
    result = export_case(case.vault, case.case_id, tmp_path / "en.pdf", ExportOptions(lang="en"),
                         order=ExhibitOrder.TIME)
    text = flat_text(result.path)
    assert "Bill statement rows (excerpt)" in text and "3 of the original file's 60 records, picked" in text
    assert "Refund of ¥" in text and "(me)" in text and "same file as Exhibit" in text


def test_one_file_per_exhibit_gives_each_selection_its_file_and_original(case: Case, tmp_path: Path) -> None:
    results = export_each(case.vault, case.case_id, tmp_path / "each.pdf", ExportOptions(), order=ExhibitOrder.TIME)
    assert [r.path.name for r in results] == [f"each-证据0{n}.pdf" for n in range(1, 5)]
    third = flat_text(results[2].path)
    assert "证据3" in third and ROWS[40].transaction_no in third
    assert not any(ROWS[n].transaction_no in third for n in REFUNDS)
    with pikepdf.open(results[2].path) as pdf:
        assert [bytes(f.get_file().read_bytes()) for f in pdf.attachments.values()] == [case.bill_data]


def _exhibit_headings(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        return [child.title for top in outline.root for child in top.children]


def test_parts_number_on_across_an_item_with_several_selections(case: Case, tmp_path: Path) -> None:
    """A part holds whole items: the bill's two selections stay together, and the chat's part goes on at 4."""
    results = export_in_parts(case.vault, case.case_id, tmp_path / "parts.pdf", ExportOptions(attachments=False),
                              part_bytes=140_000, order=ExhibitOrder.TIME)
    assert [[title.split("\u3000")[0] for title in _exhibit_headings(r.path)] for r in results] == [
        ["证据1"], ["证据2", "证据3"], ["证据4"]]


@pytest.mark.parametrize(
    ("record", "wording"),
    [
        pytest.param(Record(5, "2024-03-05T14:03:00+08:00", "京东", "小米手环", Direction.OUT, "-199.00",
                            transaction_no="4200001"), "支付 ¥199.00 给 京东（小米手环，交易单号 4200001）", id="paid"),
        pytest.param(Record(6, "t", "京东", "", Direction.OUT, "-131.77", refunded="89.84", order_no="88"),
                     "支付 ¥131.77 给 京东（已退款 ¥89.84，商户单号 88）", id="paid-part-refunded"),
        pytest.param(Record(7, "t", "美团", "", Direction.IN, "50.00", category="退款"), "收到 美团 退款 ¥50.00",
                     id="refund"),
        pytest.param(Record(8, "t", "张三", "转账", Direction.IN, "20.00"), "收到 张三 ¥20.00（转账）", id="received"),
        pytest.param(Record(9, "t", "花呗", "还款", Direction.NEUTRAL, "300.00"), "花呗 ¥300.00（不计收支，还款）",
                     id="neutral"),
        pytest.param(Record(10, "t", "客服", sender="京东客服-小美", text="您好 " * 40),
                     "京东客服-小美：" + ("您好 " * 40)[:59].rstrip() + "…", id="long-message"),
        pytest.param(Record(11, "t", sender="我", media="[图片]"), "我：[图片]", id="picture"),
    ],
)
def test_picked_rows_are_worded_as_what_happened(record: Record, wording: str) -> None:
    assert describe_record(record, labels_for("zh")) == wording


def test_a_selection_whose_rows_have_no_time_is_one_event_at_its_date() -> None:
    exhibit = replace(demo_request(1).exhibits[0], kind="invoice", selection_id=3, formed_at="2024-05-21T08:37:00+08:00",
                      records=(Record(1, "", "云帆科技", "洗衣液", amount="12.00"),))
    (event,) = timeline_events([exhibit], labels_for("zh"), with_notes=False)
    assert (event.when, event.exhibit_index) == ("2024-05-21T08:37:00+08:00", 1)

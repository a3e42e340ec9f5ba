from __future__ import annotations

from pathlib import Path

import pytest

from ocr.types import ExtractedField, FieldType, OcrLine
from tests.factories import png_bytes
from vault.errors import NotFound
from vault.evidence import ImportStatus, OcrState
from vault.store import Vault


def _ocr(vault: Vault, item_id: int, order_no: str = "312345678901", text: str = "订单编号") -> None:
    lines = [OcrLine(f"{text}：{order_no}", (10, 10, 300, 40), 0.98)]
    fields = [ExtractedField(FieldType.ORDER_NO, order_no, order_no, (100, 10, 300, 40), 0.95)]
    vault.store_ocr_result(item_id, "rapidocr", lines, fields, kind="order")


def test_import_keeps_original_byte_exact_with_hash(vault: Vault, case_id: int) -> None:
    data = png_bytes(seed=1)
    outcome = vault.import_bytes(case_id, data, "订单 截图 😀.png", source_mtime="2026-02-14T10:00:00+00:00")
    assert outcome.status == ImportStatus.IMPORTED
    item = vault.item(outcome.item_id)
    assert vault.original(item.id) == data
    assert item.original_name == "订单 截图 😀.png"
    assert item.media_type == "image/png" and item.size == len(data)
    assert (item.width, item.height) == (120, 80)
    assert item.ocr_state == OcrState.PENDING
    assert vault.thumbnail(item.id)[:3] == b"\xff\xd8\xff"
    assert [e.action for e in vault.audit_entries(item.id)] == ["item.import"]


def test_duplicate_import_is_reported_not_stored(vault: Vault, case_id: int) -> None:
    data = png_bytes(seed=2)
    first = vault.import_bytes(case_id, data, "a.png")
    second = vault.import_bytes(case_id, data, "copy of a.png")
    assert second.status == ImportStatus.DUPLICATE and second.item_id == first.item_id
    assert len(vault.items(case_id)) == 1


def test_rejected_file_changes_nothing(vault: Vault, case_id: int) -> None:
    head = vault.audit_head()
    outcome = vault.import_bytes(case_id, b"just some notes\n", "notes.png")
    assert outcome.status == ImportStatus.REJECTED and outcome.reason == "text_file"
    assert vault.items() == [] and vault.audit_head() == head


def test_ocr_result_replaces_only_ocr_fields_and_keeps_user_edits(vault: Vault, case_id: int) -> None:
    item_id = vault.import_bytes(case_id, png_bytes(seed=3), "order.png").item_id
    _ocr(vault, item_id, "312345678901")
    ocr_field = vault.item(item_id).fields[0]
    user_id = vault.add_user_field(item_id, "order_no", "312345678907", corrects=ocr_field.id)
    item = vault.item(item_id)
    assert [f.normalized for f in item.fields] == ["312345678901", "312345678907"]
    assert item.values("order_no") == ["312345678907"], "the user's value wins"
    assert item.kind == "order"

    _ocr(vault, item_id, "312345678901")  # re-run: same OCR value stays corrected, not duplicated
    item = vault.item(item_id)
    assert item.values("order_no") == ["312345678907"]
    assert [f.origin for f in item.fields].count("ocr") == 1
    assert any(f.id == user_id for f in item.fields)


def test_user_kind_survives_ocr_guess(vault: Vault, case_id: int) -> None:
    item_id = vault.import_bytes(case_id, png_bytes(seed=4), "x.png").item_id
    vault.update_item(item_id, kind="chat", purpose="证明客服承诺回电")
    _ocr(vault, item_id)
    item = vault.item(item_id)
    assert item.kind == "chat" and item.purpose == "证明客服承诺回电"


def test_every_change_is_logged(vault: Vault, case_id: int) -> None:
    item_id = vault.import_bytes(case_id, png_bytes(seed=5), "x.png").item_id
    _ocr(vault, item_id)
    vault.update_item(item_id, note="客服说三天内回电")
    field_id = vault.add_user_field(item_id, "agent", "小东")
    vault.delete_user_field(field_id)
    vault.delete_item(item_id, reason="wrong file")
    actions = [e.action for e in vault.audit_entries()]
    assert actions == [
        "vault.create", "case.add", "item.import", "item.ocr", "item.edit", "field.add", "field.delete", "item.delete"
    ]
    deleted = vault.audit_entries()[-1].payload
    assert deleted["sha256"] and deleted["name"] == "x.png"
    with pytest.raises(NotFound):
        vault.item(item_id)


def test_ocr_fields_cannot_be_deleted(vault: Vault, case_id: int) -> None:
    item_id = vault.import_bytes(case_id, png_bytes(seed=6), "x.png").item_id
    _ocr(vault, item_id)
    with pytest.raises(ValueError, match="kept"):
        vault.delete_user_field(vault.item(item_id).fields[0].id)


def test_failed_import_transaction_leaves_nothing(vault: Vault, case_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from vault import audit

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("crash while logging")

    monkeypatch.setattr(audit, "append", boom)
    with pytest.raises(RuntimeError):
        vault.import_bytes(case_id, png_bytes(seed=7), "x.png")
    monkeypatch.undo()
    assert vault.items() == []
    assert vault.db.query("SELECT count(*) FROM originals")[0][0] == 0
    assert vault.search("x.png") == []


def test_import_file_reads_mtime_and_rejects_folders(vault: Vault, case_id: int, tmp_path: Path) -> None:
    path = tmp_path / "shot.png"
    path.write_bytes(png_bytes(seed=8))
    item = vault.item(vault.import_file(case_id, path).item_id)
    assert item.source_mtime is not None
    folder = vault.import_file(case_id, tmp_path)
    assert folder.status == ImportStatus.REJECTED and folder.reason == "not_a_file"


def test_cases_carry_dossier_details(vault: Vault) -> None:
    case_id = vault.add_case("钱包资金未到账", respondent="京东金融", complainant_name="张三", channel="金融监管投诉")
    vault.update_case(case_id, claim="退还 1,299.00 元")
    case = vault.case(case_id)
    assert (case.respondent, case.complainant_name, case.claim) == ("京东金融", "张三", "退还 1,299.00 元")
    assert vault.find_case("钱包资金未到账").id == case_id
    with pytest.raises(ValueError):
        vault.add_case("  ")


def test_ids_are_never_reused_after_a_delete(vault: Vault, case_id: int) -> None:
    first = vault.import_bytes(case_id, png_bytes(seed=21), "a.png").item_id
    second = vault.import_bytes(case_id, png_bytes(seed=22), "b.png").item_id
    _ocr(vault, second)
    field_id = vault.item(second).fields[0].id
    vault.delete_item(second)
    third = vault.import_bytes(case_id, png_bytes(seed=23), "c.png").item_id
    _ocr(vault, third)
    assert third > second > first
    assert vault.item(third).fields[0].id > field_id
    assert [e.payload["name"] for e in vault.audit_entries(third) if e.action == "item.import"] == ["c.png"]


def test_rejecting_an_ocr_field_keeps_it_superseded_and_logged(vault: Vault, case_id: int) -> None:
    item_id = vault.import_bytes(case_id, png_bytes(seed=24), "order.png").item_id
    _ocr(vault, item_id, "312345678901")
    ocr_field = vault.item(item_id).fields[0]
    rejection = vault.reject_field(item_id, ocr_field.id, reason="这是纳税人识别号")
    item = vault.item(item_id)
    assert item.values("order_no") == []
    assert [f.id for f in item.fields] == [ocr_field.id, rejection], "the OCR value is kept"
    assert item.fields[0].superseded
    entry = vault.audit_entries(item_id)[-1]
    assert (entry.action, entry.payload["rejects"], entry.payload["value"]) == ("field.reject", ocr_field.id, "312345678901")

    _ocr(vault, item_id, "312345678901")  # OCR again finds the same value: it stays rejected
    assert vault.item(item_id).values("order_no") == []
    with pytest.raises(ValueError, match="already"):
        vault.reject_field(item_id, ocr_field.id)
    with pytest.raises(NotFound):
        vault.reject_field(item_id + 1, ocr_field.id)


def test_amount_roles_are_stored(vault: Vault, case_id: int) -> None:
    item_id = vault.import_bytes(case_id, png_bytes(seed=25), "order.png").item_id
    amount = ExtractedField(FieldType.AMOUNT, "¥989.98", "989.98", None, 0.9, role="paid")
    vault.store_ocr_result(item_id, "rapidocr", [OcrLine("实付款 ¥989.98", None, 0.9)], [amount])
    assert [(f.normalized, f.role) for f in vault.item(item_id).fields] == [("989.98", "paid")]


def test_a_failed_create_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The GUI and the CLI share this: a half-made file would block the next try."""
    from vault import audit

    def full_disk(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    path = tmp_path / "new.evault"
    monkeypatch.setattr(audit, "append", full_disk)
    with pytest.raises(OSError):
        Vault.create(path, "口令 long enough")
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    Vault.create(path, "口令 long enough").close()
    existing = path.read_bytes()
    with pytest.raises(Exception, match="already exists"):
        Vault.create(path, "口令 long enough")
    assert path.read_bytes() == existing, "an existing vault is never removed"

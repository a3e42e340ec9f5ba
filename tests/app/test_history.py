"""Audit entries read as sentences in the interface language, every action of the core included."""
from __future__ import annotations

import pytest

from app.history import audit_sentence, entry_time, known_actions
from app.i18n import install_language
from vault.audit import AuditEntry

ACTIONS_OF_THE_CORE = (
    "vault.create", "vault.passwd", "vault.backup", "vault.backup_failed", "vault.restore", "case.add", "case.edit",
    "case.export", "item.import", "item.ocr", "item.ocr_failed", "item.edit", "item.delete", "field.add",
    "field.reject", "field.delete", "selection.create", "selection.update", "selection.delete",
)


def entry(action: str, **payload: object) -> AuditEntry:
    return AuditEntry(7, "2026-02-17T12:53:41.123456+00:00", action, payload, "0" * 64, "f" * 64)


def test_every_action_the_core_records_has_a_sentence() -> None:
    assert set(ACTIONS_OF_THE_CORE) <= known_actions()


@pytest.mark.parametrize("recorded, chinese, english", [
    pytest.param(entry("item.import", item_id=3, case_id=1, sha256="ab" * 32, name="订单.png", size=81234),
                 "导入了“订单.png”（79 KB），SHA-256 abababababab…", "Imported “订单.png” (79 KB), SHA-256 abababababab…",
                 id="import"),
    pytest.param(entry("item.edit", item_id=3, kind="chat", formed_at="2026-02-14T22:15:00"),
                 "修改了类型为客服聊天；形成时间为2026-02-14 22:15:00。",
                 "Changed kind to Customer-service chat; formed at to 2026-02-14 22:15:00.", id="edit"),
    pytest.param(entry("field.add", item_id=3, field_id=9, type="order_no", value="312345678999", corrects=4),
                 "将订单编号更正为“312345678999”。", "Corrected the Order number to “312345678999”.", id="correction"),
    pytest.param(entry("field.reject", item_id=3, field_id=10, rejects=4, type="amount", value="0.00", reason=""),
                 "将金额“0.00”标记为识别错误。", "Marked the Amount “0.00” as wrong.", id="rejection"),
    pytest.param(entry("item.delete", item_id=3, sha256="ab" * 32, name="a.png", reason="重复"),
                 "删除了“a.png”。原因：重复", "Deleted “a.png”. Reason: 重复", id="delete-with-reason"),
    pytest.param(entry("selection.create", selection_id=2, item_id=3, title="三笔退款", purpose="", rows=[18, 30, 31]),
                 "将文件中的第 18、30、31 行选为“三笔退款”。", "Picked rows 18, 30, 31 of the file as “三笔退款”.",
                 id="selection-create"),
    pytest.param(entry("selection.update", selection_id=2, item_id=3, title="三笔退款", purpose="", rows=[18, 30]),
                 "将所选行“三笔退款”改为第 18、30 行。", "Changed the picked rows “三笔退款”: now rows 18, 30.",
                 id="selection-update"),
    pytest.param(entry("selection.delete", selection_id=2, item_id=3, title="", purpose="", rows=list(range(1, 15))),
                 "删除了所选行“—”（第 1、2、3、4、5、6、7、8、9、10、11、12… 行）。",
                 "Deleted the picked rows “—” (rows 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12…).", id="selection-delete"),
    pytest.param(entry("vault.passwd"), "更改了保险箱密码。", "Changed the passphrase.", id="passwd"),
    pytest.param(entry("item.stamp", item_id=3, tsa="freetsa"), "item.stamp：{\"item_id\": 3, \"tsa\": \"freetsa\"}",
                 "item.stamp: {\"item_id\": 3, \"tsa\": \"freetsa\"}", id="unknown-action"),
])
def test_entries_read_as_sentences(qapp, recorded: AuditEntry, chinese: str, english: str) -> None:  # type: ignore[no-untyped-def]
    install_language("zh_CN")
    assert audit_sentence(recorded) == chinese
    install_language("en")
    try:
        assert audit_sentence(recorded) == english
    finally:
        install_language("zh_CN")


def test_times_are_shown_in_beijing_time() -> None:
    assert entry_time("2026-02-17T12:53:41.123456+00:00") == "2026-02-17 20:53:41"

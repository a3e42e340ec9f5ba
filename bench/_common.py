"""Shared pieces of the vault benchmarks: synthetic evidence text, fast filling, timing and output."""
from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from vault import search  # noqa: E402  (needs REPO_ROOT on sys.path when run as a script)

PASSPHRASE = "bench passphrase 基准"
SHOPS = ("京东自营", "拼多多", "淘宝", "美团外卖", "携程旅行", "唯品会", "苏宁易购")
PRODUCTS = ("蓝牙耳机", "空气炸锅", "儿童书包", "机械键盘", "羽绒服", "电动牙刷", "扫地机器人", "保温杯")
TEMPLATES = (
    "订单编号：{order} 下单时间：2026-0{month}-{day:02d} {hour:02d}:{minute:02d} {shop} {product} 实付款 ¥{amount}",
    "京东白条 本期账单 应还金额 ¥{amount} 还款日 2026-0{month}-{day:02d} 账单编号 {order}",
    "客服小{name}：您好，关于订单{order}的退款将在三个工作日内到账，请耐心等待",
    "投诉记录 工单号 TS2026{day:02d}{order:.6} 处理状态：处理中 {shop} 承诺回电",
    "微信支付 交易单号 4200{order} 商户 {shop} 支付金额 ¥{amount} 支付成功",
)
NAMES = "东明华丽强芳军静"


def fake_text(rng: random.Random) -> tuple[str, str]:
    """(OCR text of one screenshot, its 12-digit order number)."""
    order = str(rng.randrange(10**11, 10**12))
    lines = [
        rng.choice(TEMPLATES).format(
            order=order, month=rng.randrange(1, 10), day=rng.randrange(1, 29), hour=rng.randrange(24),
            minute=rng.randrange(60), shop=rng.choice(SHOPS), product=rng.choice(PRODUCTS),
            amount=f"{rng.randrange(1, 5000)}.{rng.randrange(100):02d}", name=rng.choice(NAMES),
        )
        for _ in range(rng.randrange(2, 6))
    ]
    return "\n".join(lines), order


def fill(conn: Any, count: int, seed: int = 1, case_id: int = 1) -> list[str]:
    """Insert `count` items with OCR text, an order-number field and both search indexes, in one
    transaction (as a vault would hold after months of imports); returns the order numbers."""
    rng = random.Random(seed)
    orders = []
    conn.execute("BEGIN")
    conn.execute("INSERT OR IGNORE INTO cases(id, title, created_at) VALUES (?, '基准案件', 'x')", (case_id,))
    for n in range(count):
        text, order = fake_text(rng)
        name = f"Screenshot_2026{n:08d}.png"
        item_id = conn.execute(
            "INSERT INTO items(case_id, sha256, original_name, size, media_type, imported_at, ocr_text, ocr_state)"
            " VALUES (?, ?, ?, 1000, 'image/png', '2026-02-14T00:00:00+00:00', ?, 'done')",
            (case_id, f"{n:064x}", name, text),
        ).lastrowid
        conn.execute(
            "INSERT INTO fields(item_id, type, raw, normalized, origin, created_at) VALUES (?, 'order_no', ?, ?, 'ocr', 'x')",
            (item_id, order, order),
        )
        search.index_item(conn, item_id, "\n".join((name, text, order, order)))
        orders.append(order)
    conn.execute("COMMIT")
    return orders


def queries(orders: Sequence[str], rng: random.Random, per_kind: int) -> list[tuple[str, str, list[str]]]:
    """(result key, label, terms) for each search kind the goals name."""
    pick = lambda choices: [rng.choice(choices) for _ in range(per_kind)]  # noqa: E731
    return [
        ("order_exact", "order number, exact", pick(orders)),
        ("order_partial", "order number, 6 digits", [o[3:9] for o in pick(orders)]),
        ("text3", "Chinese, 3+ characters", pick(("本期账单", "退款将在", "应还金额", "承诺回电", "空气炸锅"))),
        ("text2", "Chinese, 2 characters", pick(("白条", "客服", "退款", "投诉"))),
    ]


def latencies_ms(run: Callable[[str], object], terms: Sequence[str]) -> list[float]:
    run(terms[0])  # warm the page cache
    result = []
    for term in terms:
        started = time.perf_counter()
        run(term)
        result.append((time.perf_counter() - started) * 1000)
    return result


def percentile(values: Sequence[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def print_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[str(c) for c in header], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    for n, row in enumerate(cells):
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def print_result(**values: object) -> None:
    print("RESULT " + " ".join(f"{key}={value}" for key, value in values.items()))


def unlocked_window(path: Path, passphrase: str) -> Any:
    """The app's main window on the vault at `path`, shown, unlocked and refreshed once (needs a
    QApplication); an app.mainwindow.MainWindow, imported here only for the GUI benchmarks."""
    from PySide6.QtCore import QEventLoop

    from app.mainwindow import MainWindow

    window = MainWindow(path)
    window.show()
    window.unlock_page.passphrase.setText(passphrase)
    window.unlock_page.unlock()
    refreshed = QEventLoop()
    window.refreshed.connect(refreshed.quit)
    refreshed.exec()
    return window

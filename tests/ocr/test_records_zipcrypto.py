"""Alipay mails its bill in a ZIP encrypted with ZipCrypto, not AES: read with the password, refused without."""
from __future__ import annotations

import io
import zipfile

import pytest

from bench.record_files import alipay_csv, bill_rows
from bench.zipcrypto import zipcrypto_zip
from ocr.records import RecordProblem, UnreadableRecords, read_records

ROWS = bill_rows(8, seed=21)
BILL = alipay_csv(ROWS)
PASSWORD = "278401"


@pytest.fixture(scope="module")
def archive() -> bytes:
    return zipcrypto_zip("支付宝交易明细(20240101-20240331).csv", BILL, PASSWORD)


def test_the_fixture_is_a_zipcrypto_archive_that_zipfile_itself_opens(archive: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        info = opened.infolist()[0]
        assert info.flag_bits & 0x1 and info.compress_type == zipfile.ZIP_DEFLATED
        assert opened.read(info, pwd=PASSWORD.encode()) == BILL


def test_the_bill_inside_is_read_with_its_password(archive: bytes) -> None:
    found = read_records(archive, "alipay.zip", password=PASSWORD)
    assert found is not None and found.layout == "alipay_csv"
    assert found.inner_name == "支付宝交易明细(20240101-20240331).csv"
    assert [r.transaction_no for r in found.records] == [row.transaction_no for row in ROWS]


@pytest.mark.parametrize("password, problem", [
    pytest.param(None, RecordProblem.PASSWORD_NEEDED, id="no-password"),
    pytest.param("000000", RecordProblem.WRONG_PASSWORD, id="wrong-password"),
])
def test_without_the_right_password_it_says_which(archive: bytes, password: str | None,
                                                  problem: RecordProblem) -> None:
    with pytest.raises(UnreadableRecords) as raised:
        read_records(archive, "alipay.zip", password=password)
    assert raised.value.problem == problem


def test_every_wrong_password_is_refused_not_read_as_damage(archive: bytes) -> None:
    """ZipCrypto checks one byte of the password, so 1 wrong password in 256 gets as far as the data."""
    problems = set()
    for guess in range(600):
        try:
            read_records(archive, "alipay.zip", password=f"{guess:06d}")
        except UnreadableRecords as e:
            problems.add(e.problem)
    assert problems == {RecordProblem.WRONG_PASSWORD}

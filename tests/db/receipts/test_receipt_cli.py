"""``hallclient receipts verify|pdf`` and ``hallclient printer test`` through ``main``."""

from __future__ import annotations

from sqlalchemy import text

from db.immutability import unprotect
from hallclient.receipts.issue import issue_receipt
from tests.db.receipt_helpers import cash_request, open_till
from tests.db_fixtures import migrated_database
from tests.printing.escpos_decoder import decode
from tests.printing.fake_printer import FakePrinter
from ui.main import main


def _run(capsys, *argv):
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_verify_names_the_first_fault_and_pdf_writes_the_copy(
    capsys, sqlite_database_url, tmp_path
):
    with migrated_database(sqlite_database_url) as database:
        till = open_till(database)
        issued = issue_receipt(database, till.clerk, cash_request(till.cart(("S105", "1"))))
        number = issued.record.receipt_no
        code, out = _run(capsys, "--database-url", sqlite_database_url, "receipts", "verify")
        assert code == 0 and "H01-C01-2026: 1 receipts" in out and "receipts OK: 1 series" in out
        pdf = tmp_path / "copy.pdf"
        code, out = _run(
            capsys,
            "--database-url",
            sqlite_database_url,
            "receipts",
            "pdf",
            number,
            "--out",
            str(pdf),
        )
        assert code == 0 and pdf.read_bytes().startswith(b"%PDF")
        with database.engine.begin() as conn:
            unprotect(conn, "receipts")
            conn.execute(text("UPDATE receipts SET customer_name = '李四'"))
    code, out = _run(capsys, "--database-url", sqlite_database_url, "receipts", "verify")
    assert code == 1 and f"receipts BROKEN: {number}: contents do not match the hash" in out


def test_printer_test_page_goes_to_the_configured_printer(capsys, monkeypatch, sqlite_database_url):
    printer = FakePrinter()
    try:
        monkeypatch.setenv("HALLCLIENT_PRINTER_BACKEND", "network")
        monkeypatch.setenv("HALLCLIENT_PRINTER_TARGET", printer.target)
        monkeypatch.setenv("HALLCLIENT_PRINTER_MODE", "native")
        code, out = _run(capsys, "--database-url", sqlite_database_url, "printer", "test")
        assert code == 0 and "paper: ok" in out
        texts = [line.strip() for line in decode(printer.job()).texts]
        assert "打印机测试页" in texts
    finally:
        printer.close()

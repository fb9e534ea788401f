"""The command line, run in-process through the composition root's ``main``."""

import io
import sys

from db.migrate import HEAD
from ui.main import main


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_db_upgrade_check_and_downgrade(capsys, database_url):
    assert _run(capsys, "--database-url", database_url, "db", "current")[1] == "(empty)\n"
    code, out, _ = _run(capsys, "--database-url", database_url, "db", "upgrade")
    assert code == 0 and f"schema at {HEAD}" in out
    code, out, _ = _run(capsys, "--database-url", database_url, "db", "check")
    assert code == 0 and "schema matches the models" in out
    code, out, _ = _run(capsys, "--database-url", database_url, "db", "downgrade", "base")
    assert code == 0 and "schema at (empty)" in out


def test_demo_then_user_add(capsys, monkeypatch, database_url):
    code, out, err = _run(capsys, "--database-url", database_url, "demo", "--accounts", "200")
    assert code == 0 and "demo data ready" in out and "200/200" in err
    monkeypatch.setattr(sys, "stdin", io.StringIO("a-good-password\n"))
    code, out, _ = _run(
        capsys, "--database-url", database_url, "user-add",
        "--employee-no", "1010", "--name", "新员工", "--role", "clerk",
    )  # fmt: skip
    assert code == 0 and "user 1010 added" in out
    monkeypatch.setattr(sys, "stdin", io.StringIO("a-good-password\n"))
    code, _, err = _run(
        capsys, "--database-url", database_url, "user-add",
        "--employee-no", "1010", "--name", "重复", "--role", "clerk",
    )  # fmt: skip
    assert code == 2 and "already taken" in err and "Traceback" not in err


def test_demo_refuses_too_many_accounts(capsys, sqlite_database_url):
    code, _, err = _run(
        capsys, "--database-url", sqlite_database_url, "demo", "--accounts", "1000001"
    )
    assert code == 2 and "between 0 and 1,000,000" in err


def test_bad_configuration_is_one_clear_line(capsys, tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text('[hall]\ncounter = "no spaces allowed"\n', encoding="utf-8")
    code, _, err = _run(capsys, "--config", str(config), "check-reference")
    assert code == 2
    assert f"{config}: hall.counter:" in err and "Traceback" not in err


def test_check_reference(capsys):
    code, out, _ = _run(capsys, "check-reference")
    assert code == 0 and "7 departments" in out

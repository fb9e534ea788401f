"""The command line, run in-process through the composition root's ``main``."""

import sqlite3

import pytest

from db import migrate
from db.engine import Database
from db.migrate import HEAD
from tests.db.cli_helpers import first_login, lines, run_cli
from tests.db.intake_helpers import install_reference_data
from tests.db_fixtures import migrated_database, sqlite_url
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


def test_demo_then_user_add_by_the_demo_admin(capsys, database_url):
    """The demo admin adds a user once they chose their password; the demo is then never
    loaded again into that database: it has a user of its own."""
    code, out, err = _run(capsys, "--database-url", database_url, "demo", "--accounts", "200")
    assert code == 0 and "demo data ready" in out and "200/200" in err
    assert run_cli(capsys, database_url, "demo", "--accounts", "200")[0] == 0  # again: the same
    first_login(database_url, "9001", "demo9001", "Admin-Works-77")
    adding = ("user-add", "--employee-no", "1010", "--name", "新员工", "--role", "clerk")
    as_admin = lines("9001", "Admin-Works-77", "a-good-password")
    code, out, _ = run_cli(capsys, database_url, *adding, stdin=as_admin)
    assert code == 0 and "user 1010 added" in out
    code, _, err = run_cli(capsys, database_url, *adding, stdin=as_admin)
    assert code == 2 and "already taken" in err and "Traceback" not in err
    code, _, err = run_cli(capsys, database_url, "demo", "--accounts", "200")
    assert code == 2 and "this database has users of its own (1010)" in err


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


def test_db_backup_copies_a_database_in_use(capsys, tmp_path):
    """The online backup API: a consistent copy while a connection is writing (WAL mode)."""
    url = sqlite_url(tmp_path)
    with migrated_database(url) as database:
        install_reference_data(database)
    busy = sqlite3.connect(tmp_path / "hallclient.sqlite3", isolation_level=None)
    try:  # a counter in the middle of a write: its uncommitted row is not in the copy
        busy.execute("BEGIN IMMEDIATE")
        busy.execute("DELETE FROM departments WHERE code = 'billing'")
        target = tmp_path / "backups" / "hallclient-backup.sqlite3"
        target.parent.mkdir()
        code, out, _ = _run(capsys, "--database-url", url, "db", "backup", str(target))
    finally:
        busy.execute("ROLLBACK")
        busy.close()
    assert code == 0 and "integrity checked" in out
    copy = Database.connect(f"sqlite:///{target.as_posix()}")
    try:
        assert migrate.is_current(copy.engine)
        with copy.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM departments").scalar() == 7
    finally:
        copy.dispose()
    assert sorted(p.name for p in target.parent.iterdir()) == ["hallclient-backup.sqlite3"]


@pytest.mark.parametrize("target", ["same", "missing-folder/x.sqlite3"])
def test_db_backup_refuses_clearly(capsys, tmp_path, target):
    url = sqlite_url(tmp_path)
    with migrated_database(url):
        pass  # a migrated database file to back up, closed again
    path = tmp_path / "hallclient.sqlite3" if target == "same" else tmp_path / target
    code, _, err = _run(capsys, "--database-url", url, "db", "backup", str(path))
    assert code == 2 and "db backup" in err

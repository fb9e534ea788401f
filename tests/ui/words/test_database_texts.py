"""A database fault names the database in use, so the clerk can tell IT which one."""

from __future__ import annotations

import pytest

from hallclient.errors import CommitUnconfirmedError, DatabaseUnavailableError
from tests.ui.helpers import untranslated
from ui.words.problems import problem_text

SERVER = "PostgreSQL db2:5432/hall [db1:5432, db2:5432]"


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (DatabaseUnavailableError("down", server=SERVER), "未保存"),
        (CommitUnconfirmedError("broke", server=SERVER), "可能已经保存"),
    ],
)
def test_a_database_fault_names_the_server_in_use(app, error, says):
    text = problem_text(error)
    assert says in text and text.endswith(f"数据库：{SERVER}")
    assert untranslated(text.removesuffix(SERVER)) == []


def test_a_fault_without_a_server_says_no_empty_name(app):
    text = problem_text(DatabaseUnavailableError("down"))
    assert "数据库：" not in text and untranslated(text) == []

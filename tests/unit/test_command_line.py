"""The command line's two parses: the window's shared flags alone, anything more in full."""

from __future__ import annotations

import logging

import pytest

from hallclient import logs
from hallclient.cli.parser import parse_args


def test_the_window_takes_the_shared_flags_without_the_commands():
    args = parse_args(["--language", "en", "--counter-code", "C07"])
    assert (args.command, args.language, args.counter_code) == (None, "en", "C07")
    assert parse_args([]).command is None


def test_a_command_is_parsed_by_the_whole_command_line():
    args = parse_args(["--hall-code", "H2", "tariff", "review", "T2027"])
    assert (args.command, args.tariff_action, args.code, args.hall_code) == (
        "tariff",
        "review",
        "T2027",
        "H2",
    )


@pytest.mark.parametrize("argv", [["--help"], ["-h"]])
def test_help_lists_every_command(capsys, argv):
    with pytest.raises(SystemExit) as ended:
        parse_args(argv)
    out = capsys.readouterr().out
    assert ended.value.code == 0
    assert all(name in out for name in ("tariff", "receipts", "readings", "bills", "demo"))


def test_a_mistake_is_refused_by_the_whole_command_line(capsys):
    with pytest.raises(SystemExit) as ended:
        parse_args(["--no-such-flag"])
    assert ended.value.code == 2
    assert "unrecognized arguments: --no-such-flag" in capsys.readouterr().err


def test_records_held_before_the_log_file_opens_are_written_to_it():
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        logs.hold_logging()
        logging.getLogger("hallclient.test").info("before the first paint")
        log_file = logs.setup_logging()
        logging.getLogger("hallclient.test").info("after it")
        for handler in root.handlers:
            handler.flush()
        lines = log_file.read_text(encoding="utf-8").splitlines()
        assert [line.split(": ", 1)[1] for line in lines] == ["before the first paint", "after it"]
        assert sum(getattr(h, "hallclient", False) for h in root.handlers) == 1
    finally:
        for handler in set(root.handlers) - set(before):
            root.removeHandler(handler)
            handler.close()

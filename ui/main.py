"""The composition root: the ``hallclient`` command.

Reads the settings, starts logging (the window's log file opens after its first
paint), then either opens the window or runs a command.  This is the only module that
knows the core, the window and the renderer at once.  No traceback reaches a person: a
:class:`HallError` becomes its message, anything else is logged and summarised.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from hallclient.cli import parser as cli
from hallclient.config import Settings
from hallclient.errors import ConfigError, HallError
from hallclient.logs import hold_logging, setup_logging

log = logging.getLogger("hallclient.main")
SCREENS_HELP = (
    "login, login-error, waiting-database, main, main-<page> (intake, fees, payments, …), "
    "locked, change-password, approval, payments-waiting, kiosk, customer-screen, board; "
    "default: all"
)


def _window_size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    if not (width.isdigit() and height.isdigit()) or min(int(width), int(height)) < 200:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1366x768")
    return int(width), int(height)


def _add_gui_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    render = commands.add_parser(
        "render",
        help="render screens to PNG files (offscreen), on a throwaway demo database "
        "unless --database-url is given",
    )
    render.add_argument("--out", type=Path, default=Path("screenshots"), help="output folder")
    render.add_argument("--screen", action="append", dest="screens", help=SCREENS_HELP)
    render.add_argument(
        "--size", type=_window_size, default=(1366, 768), help="window size, WIDTHxHEIGHT"
    )
    kiosk = commands.add_parser(
        "kiosk", help="the ticket kiosk, full screen (Ctrl+Shift+Q quits; Esc does not)"
    )
    kiosk.add_argument("--code", default="K1", help="the kiosk's code, named in the journal")
    _add_board_command(commands)


def _add_board_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    board = commands.add_parser(
        "board", help="the call board (叫号屏) full screen on a hall TV; Ctrl+Shift+Q closes it"
    )
    board.add_argument("--monitor", type=int, help="the screen to fill, 0 the first")
    board.add_argument("--windowed", action="store_true", help="a 1920x1080 window instead")
    board.add_argument(
        "--announce-to", type=Path, help="also append each announcement to this file (tests)"
    )


def _render(args: argparse.Namespace, settings: Settings) -> int:
    """Render on a throwaway demo database, so no real user's failures are counted."""
    from ui.tools.render import ALL_SCREENS, render_screens

    with tempfile.TemporaryDirectory(prefix="hallclient-render-") as folder:
        if args.database_url is None:
            demo_url = f"sqlite:///{Path(folder, 'render.sqlite3').as_posix()}"
            settings = replace(settings, database_url=demo_url)
        written = render_screens(
            settings, args.screens or list(ALL_SCREENS), args.out, args.size, settings.language
        )
    for path in written:
        print(path)
    return 0


WINDOW_COMMANDS = ("render", "kiosk", "board")


def _run_window_command(args: argparse.Namespace, settings: Settings) -> int:
    """The commands with a window of their own (or an offscreen one): the process's exit code."""
    if args.command == "render":
        return _render(args, settings)
    if args.command == "kiosk":
        from ui.kiosk.app import run_kiosk

        return run_kiosk(settings, args.code)
    from ui.board.run import run_board
    from ui.shell.app import prepare_application

    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in a terminal just quits
    prepare_application(settings.language)
    return run_board(
        settings, monitor=args.monitor, announce_to=args.announce_to, windowed=args.windowed
    )


def _fatal_dialog(message: str) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv)
    QMessageBox.critical(None, "HallClient", message)
    del app


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse_args(argv, _add_gui_commands)
    gui = args.command is None
    if gui:
        hold_logging()  # the log file opens once the login dialog is painted
    else:
        setup_logging()
    try:
        settings = cli.settings_from(args)
        if gui:
            from ui.shell.app import run_gui

            signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in a terminal just quits
            return run_gui(settings)
        if args.command in WINDOW_COMMANDS:
            return _run_window_command(args, settings)
        return cli.run_command(args, settings)
    except HallError as error:
        setup_logging()  # the window's log file may not be open yet
        log.error("%s", error)
        message = " ".join(str(error).split())  # one line, whatever the driver said
        if isinstance(error, ConfigError):
            message = f"配置有误 / Configuration error: {message}"
        if gui or args.command == "kiosk":
            _fatal_dialog(message)
        else:
            print(f"hallclient: {message}", file=sys.stderr)
        return 2
    except Exception:
        setup_logging()
        log.exception("unexpected failure in %s", args.command or "the window")
        message = "unexpected failure; details are in the log file"
        if gui:
            _fatal_dialog(f"程序出现意外错误，详情已写入日志。\n{message}")
        else:
            print(f"hallclient: {message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

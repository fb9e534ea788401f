"""Settings: defaults < TOML file < ``HALLCLIENT_*`` environment < command-line flags.

The TOML file lives in the user config folder (``hallclient.toml``) unless
``HALLCLIENT_CONFIG`` or ``--config`` names another.  Every problem is reported as
one :class:`ConfigError` naming the source (file or variable), key and problem.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hallclient import paths
from hallclient.clock import DEFAULT_TIMEZONE
from hallclient.errors import ConfigError
from hallclient.money import MoneyError, parse_yuan

LANGUAGES = ("zh_CN", "en")
DEFAULT_DIFFERENCE_LIMIT = Decimal("10.00")
DEFAULT_DUE_DAYS = 15  # days from a bill's issue to its due date ([billing] due_days)
DEFAULT_RATING_TIMEOUT = 30  # seconds the customer screen asks before 'not rated'
MAX_MONITORS = 9
# the call board's notice line (叫号屏): hours, what to do when a number is missed, safety
DEFAULT_BOARD_NOTICE = (
    "营业时间：每日 8:30—17:30，节假日照常营业。请留意叫号，过号请向工作人员说明。"
    "闻到燃气异味请勿开关电器、勿用明火，立即开窗并到室外拨打燃气服务热线。"
)
_CODE = re.compile(r"^[A-Za-z0-9_-]{1,16}$")


@dataclass(frozen=True)
class Settings:
    database_url: str
    # every wait on a hall's PostgreSQL is bounded (seconds; see db.pg_link.PgLimits)
    database_connect_timeout: int = 5
    database_statement_timeout: int = 15
    database_idle_in_transaction_timeout: int = 60
    database_keepalives: bool = True
    hall_code: str = "H01"
    hall_name: str = "燃气营业厅"  # names the hall only when it is first registered
    counter_code: str = "C01"
    language: str = "zh_CN"
    timezone: str = DEFAULT_TIMEZONE
    idle_lock_minutes: int = 15
    company_name: str = "燃气有限公司"
    hotline: str = "96777"
    printer_backend: str = "none"  # none, network, usb, serial, file, win32
    printer_target: str = ""  # host[:port], vendor:product (hex), device, file or queue name
    printer_paper: int = 80
    printer_mode: str = "raster"  # raster or native (the printer's Chinese font)
    printer_charset: str = "gb18030"
    printer_cut: bool = True
    printer_drawer: bool = False  # pulse the cash drawer after a cash payment
    shift_difference_limit: Decimal = DEFAULT_DIFFERENCE_LIMIT  # beyond it, a manager approves
    bill_due_days: int = DEFAULT_DUE_DAYS  # a bill is due this many days after it is issued
    customer_screen_monitor: int = 0  # 0: none; N: the customer screen on the N-th monitor
    customer_screen_rating_timeout: int = DEFAULT_RATING_TIMEOUT  # seconds, then 'not rated'
    board_notice: str = DEFAULT_BOARD_NOTICE  # the call board's notice line
    board_monitor: int = 0  # the screen the call board fills (0: the first)
    board_voice: bool = True  # the call board reads the calls out
    config_path: Path | None = None


def _url(value: Any) -> str:
    text = _text(value)
    if not text.startswith(("sqlite:", "postgresql:", "postgresql+psycopg:")):
        raise ValueError("must start with sqlite:/// or postgresql://")
    if text in ("sqlite://", "sqlite:///:memory:") or "mode=memory" in text:
        raise ValueError("must name a database file: an in-memory database loses everything")
    if text.startswith("postgresql"):
        _check_servers(text)
    return text


def _check_servers(url: str) -> None:
    """A multi-host URL names its servers one way only (see ``db.pg_link.server_list``)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from db.pg_link import server_list

    try:
        server_list(make_url(url))
    except ArgumentError:
        raise ValueError("is not a database URL") from None


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty text")
    return value.strip()


def _code(value: Any) -> str:
    text = _text(value)
    if not _CODE.match(text):
        raise ValueError("must be 1-16 letters, digits, '-' or '_'")
    return text


def _language(value: Any) -> str:
    text = _text(value)
    if text not in LANGUAGES:
        raise ValueError(f"must be one of {', '.join(LANGUAGES)}")
    return text


def _timezone(value: Any) -> str:
    text = _text(value)
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError("is not a known time zone (e.g. Asia/Shanghai)") from None
    return text


def _minutes(value: Any) -> int:
    number = int(value) if isinstance(value, str) and value.strip().isdigit() else value
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 240:
        raise ValueError("must be a whole number of minutes from 1 to 240")
    return number


def _choice(*allowed: str) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        text = _text(value).lower()
        if text not in allowed:
            raise ValueError(f"must be one of {', '.join(allowed)}")
        return text

    return parse


def _limit(value: Any) -> Decimal:
    """A difference limit in yuan: 0 (every difference needs a manager) up to 10,000."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError("must be an amount in yuan, e.g. 10.00")
    try:
        amount = parse_yuan(str(value))
    except MoneyError:
        raise ValueError("must be an amount in yuan with at most two decimals") from None
    if not Decimal(0) <= amount <= Decimal(10_000):
        raise ValueError("must be from 0 to 10000 yuan")
    return amount


def _days(value: Any) -> int:
    number = int(value) if isinstance(value, str) and value.strip().isdigit() else value
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 90:
        raise ValueError("must be a whole number of days from 1 to 90")
    return number


def _seconds(low: int, high: int) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        number = int(value) if isinstance(value, str) and value.strip().isdigit() else value
        if not isinstance(number, int) or isinstance(number, bool) or not low <= number <= high:
            raise ValueError(f"must be a whole number of seconds from {low} to {high}")
        return number

    return parse


def _whole_number(low: int, high: int, meaning: str) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        number = int(value) if isinstance(value, str) and value.strip().isdigit() else value
        if not isinstance(number, int) or isinstance(number, bool) or not low <= number <= high:
            raise ValueError(f"must be {meaning}")
        return number

    return parse


_board_screen = _whole_number(0, 15, "a screen number from 0 (the first) to 15")
_customer_monitor = _whole_number(
    0, MAX_MONITORS, f"0 (no customer screen) or a monitor from 1 to {MAX_MONITORS}"
)


def _paper(value: Any) -> int:
    number = int(value) if isinstance(value, str) and value.strip().isdigit() else value
    if number not in (58, 80) or isinstance(number, bool):
        raise ValueError("must be 58 or 80 (mm)")
    return int(number)


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    raise ValueError("must be true or false")


def _optional_text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("must be a text")
    return value.strip()


PRINTER_BACKENDS = ("none", "network", "usb", "serial", "file", "win32")


@dataclass(frozen=True)
class _Key:
    field: str
    toml: tuple[str, str]
    parse: Callable[[Any], Any]

    @property
    def env(self) -> str:
        return "HALLCLIENT_" + self.field.upper()

    @property
    def toml_name(self) -> str:
        return ".".join(self.toml)


KEYS = (
    _Key("database_url", ("database", "url"), _url),
    _Key("database_connect_timeout", ("database", "connect_timeout"), _seconds(1, 120)),
    _Key("database_statement_timeout", ("database", "statement_timeout"), _seconds(1, 600)),
    _Key(
        "database_idle_in_transaction_timeout",
        ("database", "idle_in_transaction_timeout"),
        _seconds(1, 3600),
    ),
    _Key("database_keepalives", ("database", "keepalives"), _flag),
    _Key("hall_code", ("hall", "code"), _code),
    _Key("hall_name", ("hall", "name"), _text),
    _Key("counter_code", ("hall", "counter"), _code),
    _Key("timezone", ("hall", "timezone"), _timezone),
    _Key("language", ("ui", "language"), _language),
    _Key("idle_lock_minutes", ("ui", "idle_lock_minutes"), _minutes),
    _Key("company_name", ("company", "name"), _text),
    _Key("hotline", ("company", "hotline"), _text),
    _Key("printer_backend", ("printer", "backend"), _choice(*PRINTER_BACKENDS)),
    _Key("printer_target", ("printer", "target"), _optional_text),
    _Key("printer_paper", ("printer", "paper_mm"), _paper),
    _Key("printer_mode", ("printer", "mode"), _choice("raster", "native")),
    _Key("printer_charset", ("printer", "charset"), _choice("gb18030", "gbk")),
    _Key("printer_cut", ("printer", "cut"), _flag),
    _Key("printer_drawer", ("printer", "cash_drawer"), _flag),
    _Key("shift_difference_limit", ("shift", "difference_limit"), _limit),
    _Key("bill_due_days", ("billing", "due_days"), _days),
    _Key("customer_screen_monitor", ("customer_screen", "monitor"), _customer_monitor),
    _Key(
        "customer_screen_rating_timeout",
        ("customer_screen", "rating_timeout_seconds"),
        _seconds(5, 300),
    ),
    _Key("board_notice", ("board", "notice"), _text),
    _Key("board_monitor", ("board", "monitor"), _board_screen),
    _Key("board_voice", ("board", "voice"), _flag),
)
_KNOWN_TOML = {key.toml for key in KEYS}


def _read_toml(path: Path) -> dict[str, Any]:
    """The file's settings; UTF-8 with or without a BOM (as Notepad saves it)."""
    import tomllib  # only when there is a file: not on the way to a first run's login (~5 ms)

    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(str(path), "(syntax)", str(error)) from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), "(file)", "is not UTF-8: save it as UTF-8") from None
    except OSError as error:
        raise ConfigError(str(path), "(file)", error.strerror or str(error)) from None


def _toml_values(path: Path, document: Mapping[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for section, table in document.items():
        if not isinstance(table, dict):
            raise ConfigError(str(path), section, "must be a [section]")
        for name in table:
            if (section, name) not in _KNOWN_TOML:
                raise ConfigError(str(path), f"{section}.{name}", "unknown key")
    for key in KEYS:
        section, name = key.toml
        if name in document.get(section, {}):
            values[key.field] = _parse(key, document[section][name], str(path), key.toml_name)
    return values


def _parse(key: _Key, raw: Any, source: str, name: str) -> Any:
    try:
        return key.parse(raw)
    except ValueError as error:
        shown = _without_password(raw) if key.field == "database_url" else raw
        raise ConfigError(source, name, f"{shown!r} {error}") from None


def _without_password(url: Any) -> str:
    """A database URL as a message or the log may show it: any password as ***."""
    text = re.sub(r"(//[^/@:]*:)[^@]*@", r"\1***@", str(url))
    return re.sub(r"(password=)[^&]*", r"\1***", text)


def load_settings(
    flags: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Settings from all sources; ``flags`` uses field names (``database_url`` …)."""
    environ = os.environ if environ is None else environ
    flags = {k: v for k, v in (flags or {}).items() if v is not None}
    named = flags.get("config") or environ.get("HALLCLIENT_CONFIG")
    path = Path(named or paths.config_file())
    values: dict[str, Any] = {"database_url": paths.default_database_url()}
    if named or path.exists():  # a file named on purpose must exist
        values.update(_toml_values(path, _read_toml(path)))
    for key in KEYS:
        if key.env in environ:
            values[key.field] = _parse(key, environ[key.env], "environment", key.env)
        if key.field in flags:
            values[key.field] = _parse(key, flags[key.field], "command line", key.field)
    return replace(Settings(**values), config_path=path)

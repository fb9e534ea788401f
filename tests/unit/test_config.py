from pathlib import Path

import pytest

from hallclient import paths
from hallclient.config import load_settings
from hallclient.errors import ConfigError


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    return tmp_path / "hallclient.toml"


def _load(config_file: Path, environ=None, **flags):
    if not config_file.exists():
        config_file.write_text("", encoding="utf-8")
    return load_settings({"config": str(config_file), **flags}, environ or {})


def test_defaults_without_a_file(config_file):
    settings = _load(config_file)
    assert settings.database_url == paths.default_database_url()
    assert (settings.language, settings.timezone, settings.idle_lock_minutes) == (
        "zh_CN",
        "Asia/Shanghai",
        15,
    )


def test_precedence_file_then_environment_then_flags(config_file):
    config_file.write_text(
        '[hall]\ncode = "FILE"\ncounter = "C09"\nname = "文件厅"\n[ui]\nlanguage = "en"\n',
        encoding="utf-8",
    )
    environ = {"HALLCLIENT_HALL_CODE": "ENV", "HALLCLIENT_COUNTER_CODE": "C05"}
    settings = _load(config_file, environ, counter_code="C07")
    assert settings.hall_code == "ENV"
    assert settings.counter_code == "C07"
    assert settings.hall_name == "文件厅"
    assert settings.language == "en"
    assert settings.config_path == config_file


def test_database_waits_default_and_come_from_file_and_environment(config_file):
    defaults = _load(config_file)
    assert (
        defaults.database_connect_timeout,
        defaults.database_statement_timeout,
        defaults.database_idle_in_transaction_timeout,
        defaults.database_keepalives,
    ) == (5, 15, 60, True)
    config_file.write_text(
        "[database]\nstatement_timeout = 30\nkeepalives = false\n", encoding="utf-8"
    )
    settings = _load(config_file, {"HALLCLIENT_DATABASE_CONNECT_TIMEOUT": "3"})
    assert (settings.database_connect_timeout, settings.database_statement_timeout) == (3, 30)
    assert settings.database_keepalives is False


def test_the_customer_screen_is_off_by_default_and_set_per_pc(config_file):
    defaults = _load(config_file)
    assert (defaults.customer_screen_monitor, defaults.customer_screen_rating_timeout) == (0, 30)
    config_file.write_text(
        "[customer_screen]\nmonitor = 2\nrating_timeout_seconds = 45\n", encoding="utf-8"
    )
    settings = _load(config_file)
    assert (settings.customer_screen_monitor, settings.customer_screen_rating_timeout) == (2, 45)
    environ = {"HALLCLIENT_CUSTOMER_SCREEN_MONITOR": "1"}
    assert _load(config_file, environ).customer_screen_monitor == 1


def test_config_path_from_environment(tmp_path):
    other = tmp_path / "other.toml"
    other.write_text('[hall]\ncode = "OTHER"\n', encoding="utf-8")
    settings = load_settings({}, {"HALLCLIENT_CONFIG": str(other)})
    assert settings.hall_code == "OTHER"


@pytest.mark.parametrize(
    ("content", "key", "problem"),
    [
        ('[hall]\ncode = "has space"\n', "hall.code", "letters, digits"),
        ('[ui]\nlanguage = "fr"\n', "ui.language", "zh_CN, en"),
        ('[hall]\ntimezone = "Mars/Olympus"\n', "hall.timezone", "time zone"),
        ('[database]\nurl = "mysql://x"\n', "database.url", "sqlite:///"),
        ("[ui]\nidle_lock_minutes = 0\n", "ui.idle_lock_minutes", "1 to 240"),
        ("[database]\nstatement_timeout = 0\n", "database.statement_timeout", "1 to 600"),
        ('[database]\nkeepalives = "maybe"\n', "database.keepalives", "true or false"),
        (
            '[database]\nurl = "postgresql://u@/hall?host=a:1&host=b:2&port=3"\n',
            "database.url",
            "ports in the hosts",
        ),
        ("[customer_screen]\nmonitor = 10\n", "customer_screen.monitor", "from 1 to 9"),
        (
            "[customer_screen]\nrating_timeout_seconds = 2\n",
            "customer_screen.rating_timeout_seconds",
            "5 to 300",
        ),
        ('[hall]\ncolour = "blue"\n', "hall.colour", "unknown key"),
        ('hall = "flat"\n', "hall", "[section]"),
        ("[hall\n", "(syntax)", ""),
    ],
)
def test_bad_file_names_file_key_and_problem(config_file, content, key, problem):
    config_file.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        _load(config_file)
    assert caught.value.source == str(config_file)
    assert caught.value.key == key
    assert problem in caught.value.problem
    assert str(config_file) in str(caught.value)


def test_bad_environment_value_names_the_variable(config_file):
    with pytest.raises(ConfigError) as caught:
        _load(config_file, {"HALLCLIENT_IDLE_LOCK_MINUTES": "soon"})
    assert (caught.value.source, caught.value.key) == (
        "environment",
        "HALLCLIENT_IDLE_LOCK_MINUTES",
    )


def test_bad_flag_names_the_flag(config_file):
    with pytest.raises(ConfigError) as caught:
        _load(config_file, language="xx")
    assert caught.value.source == "command line"


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://clerk:S3cret!@/hall?host=db1,db2&port=5432,5433,5434",
        "postgresql://clerk@/hall?host=db1,db2&port=1,2,3&password=S3cret!",
    ],
)
def test_a_refused_database_url_never_shows_its_password(url):
    with pytest.raises(ConfigError) as refused:
        load_settings(environ={"HALLCLIENT_DATABASE_URL": url})
    assert "S3cret" not in str(refused.value) and "***" in str(refused.value)

"""Rendering named screens to PNG, offscreen, at the requested size."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from hallclient.errors import HallError
from ui.tools.render import ALL_SCREENS, render_screens
from ui.tools.render_board import BOARD_SCREENS, BOARD_SIZE


def test_every_screen_renders_at_the_requested_size(app, private_settings, tmp_path):
    written = render_screens(
        private_settings, list(ALL_SCREENS), tmp_path / "shots", first_logins=True
    )
    assert [path.name for path in written] == [f"{name}.png" for name in ALL_SCREENS]
    for path in written:
        image = QImage(str(path))
        size = BOARD_SIZE if path.stem in BOARD_SCREENS else (1366, 768)  # the hall's TV
        assert (image.width(), image.height()) == size, path.name


def test_english_and_another_size(app, demo_settings, tmp_path):
    [path] = render_screens(demo_settings, ["main-fees"], tmp_path, (1024, 700), "en")
    assert QImage(str(path)).size().toTuple() == (1024, 700)


def test_an_empty_database_gets_demo_data_first(app, tmp_path):
    from hallclient.config import Settings

    settings = Settings(database_url=f"sqlite:///{tmp_path.as_posix()}/empty.sqlite3")
    [path] = render_screens(settings, ["main"], tmp_path / "out")
    assert path.is_file()


def test_unknown_screen_names_are_refused(app, demo_settings, tmp_path):
    with pytest.raises(HallError, match="unknown screen main-nowhere"):
        render_screens(demo_settings, ["main-nowhere"], tmp_path)

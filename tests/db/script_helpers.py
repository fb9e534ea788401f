"""The shipped script set and phrase list, read once for the tests."""

from __future__ import annotations

import functools

from hallclient import paths
from hallclient.scripts.catalogue import ScriptId, load_default_set
from hallclient.scripts.phrases import PhraseChecker, load_phrases


@functools.cache
def _defaults() -> dict[ScriptId, str]:
    return load_default_set(paths.resources_dir() / "scripts")


def default_scripts() -> dict[ScriptId, str]:
    return dict(_defaults())  # a copy: a test may change its own


@functools.cache
def phrase_checker() -> PhraseChecker:
    return load_phrases(paths.resources_dir() / "scripts")

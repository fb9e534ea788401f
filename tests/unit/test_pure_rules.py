"""The domain's words and the pure rules load no SQLAlchemy, checked in a fresh interpreter.

The import-linter contract "Pure rules and the domain's words load no SQLAlchemy"
checks the import graph; this checks what an import really loads (a package's
``__init__``, an import made at run time), one module at a time.  The models keep
re-exporting the words, so ORM-facing code may go on importing them from ``db.models``.
"""

from __future__ import annotations

import enum
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PURE = [
    "db.domain",
    "hallclient.receipts.payment",
    "hallclient.shifts.figures",
    "hallclient.referrals.rules",
    "hallclient.scripts.moments",
    "hallclient.scripts.panel",
    "hallclient.scripts.emergency_words",
    "hallclient.tariff.rules",
    "hallclient.ledger.rules",
    "hallclient.ratings.rules",
    "hallclient.ratings.working_days",
]


@pytest.mark.parametrize("module", PURE)
def test_importing_loads_no_sqlalchemy(module):
    code = f"import {module}, sys; print('sqlalchemy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_models_still_export_the_words():
    import db.domain
    import db.models

    words = [
        name
        for name, value in vars(db.domain).items()
        if isinstance(value, type) and issubclass(value, enum.Enum)
    ]
    assert len(words) == 21
    for name in words:
        assert getattr(db.models, name) is getattr(db.domain, name)
        assert name in db.models.__all__

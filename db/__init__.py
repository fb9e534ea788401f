"""Persistence: SQLAlchemy models, engine setup and Alembic migrations.

This package knows nothing of ``hallclient`` or ``ui`` (checked by import-linter).
"""

"""Shared, capability-free parts: the task runner and attempt, table models, widgets, style, fonts,
the run-time language and the work-area record.  Imports nothing else of ``ui``.
"""

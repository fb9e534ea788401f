"""Shifts and reconciliation (issue 7): open, cash moves, X and Z readings, close, day close."""

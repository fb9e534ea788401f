"""The shift page (open, cash count, X and close) and the shift managers' day overview."""

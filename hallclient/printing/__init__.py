"""Printing: one receipt layout rendered to a raster image, native ESC/POS text and PDF."""

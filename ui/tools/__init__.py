"""Developers' and documentation tools: the offscreen renderer and the translation build."""

"""The font chain's files, in order: what the screen registers before its first paint,
without loading the drawing libraries (:mod:`hallclient.printing.fonts` draws with them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChainFont:
    file: str  # in resources/fonts
    face: int  # the face in a .ttc collection
    pdf_name: str  # the name reportlab registers it under


CHAIN = (
    ChainFont("wqy-microhei.ttc", 0, "HallClientCJK"),
    ChainFont("HanaMinA.ttf", 0, "HallClientHanaMinA"),
    ChainFont("HanaMinB.ttf", 0, "HallClientHanaMinB"),
    ChainFont("BabelStoneHan.ttf", 0, "HallClientBabelStoneHan"),  # Extensions G to I
)

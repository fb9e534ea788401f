"""The kiosk's look: large type and high-contrast colours, kept here as numbers so that a
test can check them (text of 24 pt or more, contrast of 4.5:1 or more, touch targets of
60 px or more: WCAG 2.1 AA for text, and more than its 44 px for a standing customer)."""

from __future__ import annotations

PAGE = "#f4f7fa"  # the page's background
INK = "#1a1a1a"  # the page's text
ACCENT = "#0b5cad"  # the category buttons and the ticket number
GREEN = "#1b6e3a"  # the green channel's buttons
FAULT = "#b00020"  # the printer's fault banner
WHITE = "#ffffff"

#: (text, background) of everything the kiosk writes on: each must reach 4.5:1
COLOUR_PAIRS = {
    "page": (INK, PAGE),
    "number": (ACCENT, PAGE),
    "category": (WHITE, ACCENT),
    "green": (WHITE, GREEN),
    "plain_button": (ACCENT, WHITE),
    "fault": (WHITE, FAULT),
}
TEXT_PT = 26  # every text on the kiosk is at least this large
BUTTON_PT = 30
TITLE_PT = 34
NUMBER_PT = 100
TALL_NUMBER_PT = 160  # on a portrait screen, which has the room
TOUCH_PX = 80  # a button's least height (and width)

SHEET = f"""
KioskWindow, KioskWindow QWidget#page {{ background: {PAGE}; }}
KioskWindow QLabel {{ color: {INK}; font-size: {TEXT_PT}pt; }}
KioskWindow QLabel#title {{ font-size: {TITLE_PT}pt; font-weight: bold; }}
KioskWindow QLabel#number {{ color: {ACCENT}; font-size: {NUMBER_PT}pt; font-weight: bold; }}
KioskWindow QLabel#number[tall="true"] {{ font-size: {TALL_NUMBER_PT}pt; }}
KioskWindow QLabel#category {{ font-size: {TITLE_PT}pt; font-weight: bold; }}
KioskWindow QLabel#message {{ color: {FAULT}; font-weight: bold; }}
KioskWindow QLabel#fault {{
    color: {WHITE}; background: {FAULT}; padding: 16px; font-size: {TITLE_PT}pt; font-weight: bold;
}}
KioskWindow QPushButton {{
    font-size: {BUTTON_PT}pt; min-height: {TOUCH_PX}px; min-width: {TOUCH_PX}px;
    color: {ACCENT}; background: {WHITE}; border: 3px solid {ACCENT}; border-radius: 12px;
    padding: 4px 16px;
}}
KioskWindow QPushButton:focus {{ border: 6px solid {INK}; }}
KioskWindow QPushButton#category {{ color: {WHITE}; background: {ACCENT}; }}
KioskWindow QPushButton#green {{ color: {WHITE}; background: {GREEN}; border-color: {GREEN}; }}
KioskWindow QPushButton#category:focus, KioskWindow QPushButton#green:focus {{
    border: 6px solid {INK};
}}
KioskWindow QLineEdit {{
    font-size: {TITLE_PT}pt; min-height: {TOUCH_PX}px; color: {INK}; background: {WHITE};
    border: 3px solid {ACCENT}; border-radius: 12px; padding: 0 16px;
}}
"""

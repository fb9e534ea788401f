"""The board's look: large type on dark blue, readable across a hall."""

BOARD_STYLE = """
#board { background: #0b2a4a; }
#board[stale="true"] { background: #3a4450; }
QLabel { color: #ffffff; }
#hall { font-size: 44px; font-weight: bold; }
#clock { font-size: 40px; }
#status { font-size: 34px; color: #ffd24a; }
#banner { font-size: 72px; font-weight: bold; min-height: 120px; border-radius: 12px;
          color: #ffffff; background: #12406e; }
#banner[fresh="true"] { color: #0b2a4a; background: #ffd24a; }
#card { background: #12406e; border-radius: 12px; }
#window { font-size: 40px; color: #bcd6f2; }
#serving { font-size: 110px; font-weight: bold; color: #ffd24a; }
#section { font-size: 40px; color: #bcd6f2; }
#recent { font-size: 44px; min-height: 64px; border-radius: 8px; }
#recent[fresh="true"] { background: #ffd24a; color: #0b2a4a; }
#waiting { font-size: 38px; background: #12406e; border-radius: 8px; padding: 8px 16px; }
#notice { font-size: 32px; color: #d8e4f0; }
#voice { font-size: 26px; color: #ff9c8a; }
"""

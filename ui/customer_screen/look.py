"""The customer screen's own style: large type read from across the counter, touch targets
of 60 px or more, dark text on light ground (well above 4.5:1).  Kept with the screen, not
in the clerk's style sheet: the screen is another window with other rules."""

LOOK = """
QWidget#customerScreen { background: #f4f7fb; }
QFrame#customerHeader { background: #1f4e79; }
QLabel#customerCompany { font-size: 22px; font-weight: 600; color: #ffffff; }
QLabel#customerClerk { font-size: 20px; color: #ffffff; }
QLabel#customerGreeting { font-size: 44px; font-weight: 700; color: #1f4e79; }
QLabel#customerNote { font-size: 20px; color: #34495e; }
QLabel#customerTicket { font-size: 28px; font-weight: 700; color: #1f4e79; }
QLabel#customerTotals { font-size: 24px; font-weight: 700; color: #1b2a38; }
QLabel#customerQuestion { font-size: 26px; font-weight: 600; color: #1b2a38; }
QTableView#customerLines {
    font-size: 18px; background: #ffffff; color: #1b2a38;
    gridline-color: #dde3ea; border: 1px solid #c9d3de;
}
QTableView#customerLines QHeaderView::section {
    font-size: 17px; font-weight: 600; padding: 6px; background: #e8eef5; color: #1b2a38;
    border: none; border-bottom: 1px solid #c9d3de;
}
QPushButton#ratingLevel {
    min-height: 84px; font-size: 22pt; font-weight: 600; color: #1b2a38;
    background: #ffffff; border: 2px solid #8da2b8; border-radius: 10px; padding: 0 6px;
}
QPushButton#ratingLevel:checked { background: #1f6fb2; border-color: #1f6fb2; color: #ffffff; }
QPushButton#ratingReason {
    min-height: 60px; font-size: 18px; color: #1b2a38;
    background: #ffffff; border: 1px solid #8da2b8; border-radius: 8px; padding: 0 10px;
}
QPushButton#ratingReason:checked { background: #dcebf8; border: 2px solid #1f6fb2; }
QLineEdit#ratingOther {
    min-height: 60px; font-size: 18px; padding: 0 10px;
    border: 1px solid #8da2b8; border-radius: 8px; background: #ffffff;
}
QPushButton#ratingSubmit {
    min-height: 60px; min-width: 160px; font-size: 22px; font-weight: 700; color: #ffffff;
    background: #1f6fb2; border: none; border-radius: 8px; padding: 0 18px;
}
"""

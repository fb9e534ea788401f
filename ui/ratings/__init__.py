"""The shift manager's follow-up of bad ratings, and the month's rating report."""

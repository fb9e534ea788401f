"""The month's rating report: the figures per counter and clerk, with the clerks' names."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from db.engine import Database
from db.models import User
from hallclient.context import Context
from hallclient.ratings.monthly import MonthlyRatings, monthly_ratings
from hallclient.uow import UnitOfWork


@dataclass(frozen=True)
class MonthlyReport:
    ratings: MonthlyRatings
    clerk_names: dict[str, str]  # by employee number


def monthly_report(database: Database, context: Context, year: int, month: int) -> MonthlyReport:
    """The month's figures (the shift manager's: ``monthly_ratings`` checks) and who is who."""
    ratings = monthly_ratings(database, context, year, month)
    numbers = [figures.key for figures in ratings.by_clerk]
    query = select(User.employee_no, User.display_name).where(User.employee_no.in_(numbers))
    with UnitOfWork(database) as uow:
        names = {number: name for number, name in uow.session.execute(query)}
    return MonthlyReport(ratings, names)

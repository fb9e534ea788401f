"""Handlers of ``hallclient tariff …`` (the parser is in :mod:`hallclient.tariff.cli`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from db.engine import Database
from hallclient.access.approvals import ApprovalRequest, grant_approval
from hallclient.access.auth import LoginRefused
from hallclient.access.permissions import ApprovalKind
from hallclient.cli.credentials import admin_context, ask_password, read_only, refusal_words
from hallclient.config import Settings
from hallclient.context import Context
from hallclient.core import prepare_database
from hallclient.errors import HallError
from hallclient.money import format_unit_price, format_yuan
from hallclient.tariff import pricing, review, schedules
from hallclient.tariff.importing import read_tariff, write_tariff
from hallclient.tariff.review import Change
from hallclient.tariff.rules import PricedItem, Quote
from hallclient.tariff.schedules import ScheduleHeader, ScheduleSummary

Handler = Callable[[argparse.Namespace, Database, Context], int]


#: What changes a schedule: run by an administrator, after their credentials.
WRITES = frozenset({"import", "approve", "end", "retire", "discard"})


def tariff_command(args: argparse.Namespace, settings: Settings) -> int:
    database = prepare_database(settings)
    try:
        writes = args.tariff_action in WRITES and not getattr(args, "dry_run", False)
        context = admin_context(database, settings, args) if writes else read_only(settings)
        return HANDLERS[args.tariff_action](args, database, context)
    finally:
        database.dispose()


def _line(summary: ScheduleSummary) -> str:
    to = summary.effective_to.isoformat() if summary.effective_to else "open"
    demo = " 演示" if summary.is_demo else ""
    return (
        f"{summary.code:<16} {summary.status.value:<9} {summary.effective_from} → {to:<10} "
        f"{summary.items:>5} items  {summary.approval_doc_no}  {summary.title}{demo}"
    )


def _list(args: argparse.Namespace, database: Database, context: Context) -> int:
    for summary in schedules.list_schedules(database, context):
        print(_line(summary))
    return 0


def _header(args: argparse.Namespace) -> ScheduleHeader:
    return ScheduleHeader(
        args.code,
        args.title,
        args.doc_no,
        args.issuing_body,
        args.effective_from,
        args.effective_to,
        args.year_start,
        args.household_base,
    )


def _import(args: argparse.Namespace, database: Database, context: Context) -> int:
    tariff = read_tariff(args.file, args.tiers, args.late_fees)  # every problem, or nothing
    header = _header(args)
    if problems := schedules.header_problems(header):
        for problem in problems:
            print(f"header: {problem}")
        return 1
    print(
        f"{args.file.name}: {len(tariff.items)} items, {len(tariff.bands)} tier bands, "
        f"{len(tariff.late_fees)} late-fee rules, valid"
    )
    if args.dry_run:
        print("dry run: nothing written")
        return 0
    summary = schedules.create_draft(database, context, header, tariff, args.file.name)
    print("draft written:")
    _print_review(database, context, summary.code)
    return 0


def _print_review(database: Database, context: Context, code: str) -> None:
    result = review.review(database, context, code)
    print(_line(result.schedule))
    against = ", ".join(result.compared_with) or "nothing in force"
    print(f"against {against} on {result.schedule.effective_from}:")
    for change in result.changes:
        if change.change is Change.SAME:
            continue
        was = price_shown(change.before) if change.before else ""
        now = price_shown(change.after) if change.after else ""
        fields = f" ({', '.join(change.fields)})" if change.fields else ""
        print(f"  {change.change.value:<8} {change.code:<12} {was:>12} → {now:<12}{fields}")
    counts = ", ".join(f"{result.count(kind)} {kind.value}" for kind in Change)
    print(f"  {counts}")
    for fee in result.late_fees:
        print(
            f"  late fee {fee.customer_type}: {fee.daily_rate:f} a day after {fee.grace_days}"
            f" days' grace ({fee.schedule.approval_doc_no})"
        )


def price_shown(item: PricedItem) -> str:
    """As approved: ``￥2.881``; ``免费`` for a free item; an abolished fee's document."""
    if item.abolished:
        return f"已取消（{item.abolished_by}）"
    return format_unit_price(item.unit_price) if item.unit_price else "免费"


def _review(args: argparse.Namespace, database: Database, context: Context) -> int:
    _print_review(database, context, args.code)
    return 0


def _approve(args: argparse.Namespace, database: Database, context: Context) -> int:
    """The admin (``context``) approves with the approval the second person grants."""
    reason = args.reason or f"approve tariff schedule {args.code}"
    try:
        grant = grant_approval(
            database,
            context,
            ApprovalRequest(ApprovalKind.APPROVE_TARIFF, args.code, reason),
            args.approver,
            ask_password(f"password of approver {args.approver}: "),
        )
    except LoginRefused as refusal:
        raise HallError(
            "approver: " + refusal_words(refusal, args.approver, context.timezone)
        ) from None
    summary = schedules.approve(database, context, args.code, grant.approval_id)
    approved = f"approved by {context.user.employee_no} with {grant.approver_employee_no}"
    print(f"{approved}:\n{_line(summary)}")
    return 0


def _end(args: argparse.Namespace, database: Database, context: Context) -> int:
    print(_line(schedules.end_on(database, context, args.code, args.last_day)))
    return 0


def _retire(args: argparse.Namespace, database: Database, context: Context) -> int:
    print(_line(schedules.retire(database, context, args.code)))
    return 0


def _discard(args: argparse.Namespace, database: Database, context: Context) -> int:
    print(_line(schedules.discard(database, context, args.code)))
    return 0


def print_quote(quote: Quote) -> None:
    print(f"{quote.item_code} {quote.item_name}: {quote.quantity} {quote.unit} on {quote.on}")
    for line in quote.lines:
        band = f"tier {line.band}" if line.band else "      "
        print(
            f"  {line.schedule_code} {line.approval_doc_no}  {band}  "
            f"{line.quantity} × {line.unit_price} = {format_yuan(line.subtotal)}"
        )
    note = "  (estimate: no account given)" if quote.estimated else ""
    print(f"  total {format_yuan(quote.amount)}{note}")


def _quote(args: argparse.Namespace, database: Database, context: Context) -> int:
    print_quote(
        pricing.quote(
            database, context, args.item, args.quantity, account_no=args.account, on=args.on
        )
    )
    return 0


def _export(args: argparse.Namespace, database: Database, context: Context) -> int:
    tariff = review.export_tariff(database, context, args.code)
    write_tariff(tariff, args.file)
    print(f"{args.code}: {len(tariff.items)} items written to {args.file}")
    return 0


HANDLERS: dict[str, Handler] = {
    "list": _list,
    "import": _import,
    "review": _review,
    "approve": _approve,
    "end": _end,
    "retire": _retire,
    "discard": _discard,
    "quote": _quote,
    "export": _export,
}

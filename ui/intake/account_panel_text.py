"""The account beside the visit, as the clerk reads it: holder, address, type, unpaid
bills (oldest first) and this year's gas, past visits and the last payments (translated
in the intake page's context)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from hallclient.clock import local
from hallclient.intake.service import AccountPanel, PastPayment
from hallclient.ledger.bills import OpenBill
from hallclient.money import format_yuan
from hallclient.referrals.rules import Lateness
from hallclient.referrals.service import ReferralView
from ui.intake.account_models import masked_phone
from ui.words.accounts import account_status_text
from ui.words.referrals import status_text
from ui.words.tariff import customer_types_text

RECENT_REFERRALS = 3
LISTED_BILLS = 4


def _owing_text(panel: AccountPanel) -> str:
    """Arrears (the sum of the unpaid bills), late fees, the tier year's volume so far."""
    if panel.open_bills:
        text = QCoreApplication.translate(
            "IntakePage", "Arrears ￥{arrears} in {count} unpaid bills (F10 pays them)"
        ).format(arrears=f"{panel.arrears:,.2f}", count=len(panel.open_bills))
        if panel.late_fees:
            text += QCoreApplication.translate("IntakePage", " · late fees today ￥{fee}").format(
                fee=f"{panel.late_fees:,.2f}"
            )
    else:
        text = QCoreApplication.translate("IntakePage", "No unpaid bills")
    if panel.tier_year is not None and panel.tier_volume is not None:
        text += QCoreApplication.translate(
            "IntakePage", " · used this year {volume} m³ (tier year from {start})"
        ).format(volume=_m3(panel.tier_volume), start=f"{panel.tier_year:%Y-%m-%d}")
    size = QCoreApplication.translate("IntakePage", " · household of {size}")
    return text + size.format(size=panel.household_size)


def _m3(volume: Decimal) -> str:
    """A volume as people say it: 212 m³, 12.5 m³ (the litres only when there are any)."""
    text = f"{volume:,.3f}"
    return text.rstrip("0").rstrip(".")


def _bill_texts(panel: AccountPanel) -> list[str]:
    shown = [_bill_text(entry) for entry in panel.open_bills[:LISTED_BILLS]]
    hidden = len(panel.open_bills) - len(shown)
    if hidden > 0:
        more = QCoreApplication.translate("IntakePage", "  … and {count} newer bills")
        shown.append(more.format(count=hidden))
    return shown


def _bill_text(entry: OpenBill) -> str:
    bill = entry.bill
    if bill.period_from is not None and bill.period_to is not None:
        period = f"{bill.period_from:%Y-%m-%d}～{bill.period_to:%Y-%m-%d}"
    else:
        period = QCoreApplication.translate("IntakePage", "carried over")
    text = QCoreApplication.translate(
        "IntakePage", "  Bill {number} · {period} · {volume} m³ · ￥{amount} · due {due}"
    ).format(
        number=bill.bill_no,
        period=period,
        volume=_m3(bill.volume),
        amount=f"{bill.amount:,.2f}",
        due=f"{bill.due_on:%Y-%m-%d}",
    )
    if entry.late_fee is not None:
        text += QCoreApplication.translate("IntakePage", " · overdue, late fee ￥{fee}").format(
            fee=f"{entry.late_fee.amount:,.2f}"
        )
    return text


def account_panel_text(panel: AccountPanel, referrals: list[ReferralView], timezone: str) -> str:
    lines = [
        f"{panel.account_no}  {panel.name}  {masked_phone(panel.phone)}",
        panel.address,
        QCoreApplication.translate("IntakePage", "{type} · meter {meter} · status {status}").format(
            type=customer_types_text((panel.customer_type,)),
            meter=panel.meter_no,
            status=account_status_text(panel.status),
        ),
        _owing_text(panel),
        *_bill_texts(panel),
        QCoreApplication.translate(
            "IntakePage", "Visits on record: {count} (this one included)"
        ).format(count=len(panel.recent_visits)),
    ]
    lines += [_payment_text(payment, timezone) for payment in panel.recent_payments]
    lines += [_referral_text(referral, timezone) for referral in referrals[:RECENT_REFERRALS]]
    return "\n".join(lines)


def _referral_text(referral: ReferralView, timezone: str) -> str:
    """A referral the customer came back about: where it is, and whether it is late."""
    when = local(referral.created_at, timezone)
    text = QCoreApplication.translate("IntakePage", "Referral {reference} of {day}: {state}")
    text = text.format(
        reference=referral.reference,
        day=f"{when:%Y-%m-%d}",
        state=status_text(referral.status.value),
    )
    if referral.lateness in (Lateness.OVERDUE, Lateness.ESCALATED):
        text += QCoreApplication.translate("IntakePage", " (overdue)")
    if referral.outcome:
        text += " · " + referral.outcome
    return text


def _payment_text(payment: PastPayment, timezone: str) -> str:
    when = local(payment.issued_at, timezone)
    text = QCoreApplication.translate("IntakePage", "Paid {amount} on {day} (receipt {number})")
    text = text.format(
        amount=format_yuan(payment.total), day=f"{when:%Y-%m-%d}", number=payment.receipt_no
    )
    return text + (QCoreApplication.translate("IntakePage", ", voided") if payment.voided else "")

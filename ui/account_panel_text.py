"""The account beside the visit, as the clerk reads it: holder, address, type, arrears,
this year's gas, past visits and the last payments (translated in the intake page's context)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hallclient.clock import local
from hallclient.intake import AccountPanel, PastPayment
from hallclient.money import format_yuan
from hallclient.referrals.rules import Lateness
from hallclient.referrals.service import ReferralView
from ui.account_models import masked_phone
from ui.intake_texts import account_status_text
from ui.referral_texts import status_text
from ui.tariff_texts import customer_types_text

RECENT_REFERRALS = 3


def account_panel_text(panel: AccountPanel, referrals: list[ReferralView], timezone: str) -> str:
    lines = [
        f"{panel.account_no}  {panel.name}  {masked_phone(panel.phone)}",
        panel.address,
        QCoreApplication.translate("IntakePage", "{type} · meter {meter} · status {status}").format(
            type=customer_types_text((panel.customer_type,)), meter=panel.meter_no,
            status=account_status_text(panel.status)),
        QCoreApplication.translate(
            "IntakePage", "Arrears ￥{arrears} · used this year {ytd} m³ · household of {size}"
        ).format(arrears=f"{panel.arrears:,.2f}", ytd=panel.ytd_volume_m3,
                 size=panel.household_size),
        QCoreApplication.translate(
            "IntakePage", "Visits on record: {count} (this one included)"
        ).format(count=len(panel.recent_visits)),
    ]  # fmt: skip
    lines += [_payment_text(payment, timezone) for payment in panel.recent_payments]
    lines += [_referral_text(referral, timezone) for referral in referrals[:RECENT_REFERRALS]]
    return "\n".join(lines)


def _referral_text(referral: ReferralView, timezone: str) -> str:
    """A referral the customer came back about: where it is, and whether it is late."""
    when = local(referral.created_at, timezone)
    text = QCoreApplication.translate("IntakePage", "Referral {reference} of {day}: {state}")
    text = text.format(reference=referral.reference, day=f"{when:%Y-%m-%d}",
                       state=status_text(referral.status.value))  # fmt: skip
    if referral.lateness in (Lateness.OVERDUE, Lateness.ESCALATED):
        text += QCoreApplication.translate("IntakePage", " (overdue)")
    if referral.outcome:
        text += " · " + referral.outcome
    return text


def _payment_text(payment: PastPayment, timezone: str) -> str:
    when = local(payment.issued_at, timezone)
    text = QCoreApplication.translate("IntakePage", "Paid {amount} on {day} (receipt {number})")
    text = text.format(amount=format_yuan(payment.total), day=f"{when:%Y-%m-%d}",
                       number=payment.receipt_no)  # fmt: skip
    return text + (QCoreApplication.translate("IntakePage", ", voided") if payment.voided else "")

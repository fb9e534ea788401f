"""The detail pane of the fee lookup: one item, its schedule and its tier bands."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from hallclient.tariff.rules import Band, PricedItem
from ui.kit.widgets import named
from ui.words.tariff import (
    abolished_text,
    category_text,
    customer_types_text,
    item_price_text,
    unit_price_text,
)


class FeeDetail(QFrame):
    """Shows what the clerk needs to explain a price: item, schedule, approval document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feeDetail")
        self.item: PricedItem | None = None
        self.title = named(QLabel(wordWrap=True), "feeItemTitle")
        self.price = named(QLabel(), "feeItemPrice")
        self._form = QFormLayout()
        self._form.setVerticalSpacing(6)
        self._labels: list[QLabel] = []
        self.values: list[QLabel] = []
        for _ in range(6):
            label, value = (
                named(QLabel(), "feeFieldLabel"),
                named(QLabel(wordWrap=True), "feeField"),
            )
            self._form.addRow(label, value)
            self._labels.append(label)
            self.values.append(value)
        self.tiers = named(QLabel(wordWrap=True), "feeTiers")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.title)
        layout.addWidget(self.price)
        layout.addLayout(self._form)
        layout.addWidget(self.tiers)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        names = (
            self.tr("Code"),
            self.tr("Category"),
            self.tr("Applies to"),
            self.tr("Schedule"),
            self.tr("Approval document"),
            self.tr("In force"),
        )
        for label, text in zip(self._labels, names, strict=True):
            label.setText(text)
        self.show_item(self.item)

    def show_item(self, item: PricedItem | None) -> None:
        self.item = item
        if item is None:
            self.title.setText(self.tr("No item chosen"))
            self.price.clear()
            for value in self.values:
                value.clear()
            self.tiers.clear()
            self.tiers.hide()
            return
        self.title.setText(item.name)
        self.price.setText(self._price_text(item))
        self.price.setProperty("abolished", item.abolished)  # the style sheet shows it in red
        self.price.style().polish(self.price)
        schedule = item.schedule
        until = schedule.effective_to.isoformat() if schedule.effective_to else self.tr("open")
        texts = (
            item.code,
            category_text(item.category),
            customer_types_text(item.customer_types),
            schedule.title,
            f"{schedule.approval_doc_no}（{schedule.issuing_body}）",
            f"{schedule.effective_from.isoformat()} — {until}",
        )
        for value, text in zip(self.values, texts, strict=True):
            value.setText(text)
        abolished = abolished_text(item.name, item.abolished_by) if item.abolished else ""
        notes = (abolished, self._tiers_text(item), item.note)
        self.tiers.setText("\n".join(filter(None, notes)))
        self.tiers.setVisible(bool(self.tiers.text()))

    def _price_text(self, item: PricedItem) -> str:
        """``￥2.881 per m³``; a free item and an abolished fee say so, with no unit."""
        if item.abolished or item.free:
            return item_price_text(item)
        return self.tr("{price} per {unit}").format(
            price=unit_price_text(item.unit_price), unit=item.unit
        )

    def _tiers_text(self, item: PricedItem) -> str:
        if item.tiers is None:
            return ""
        plan = item.tiers
        start = f"{plan.year_start_month:02d}-{plan.year_start_day:02d}"
        lines = [
            self.tr("Tiered price, by the volume used since {start} each year:").format(start=start)
        ]
        lower = Decimal(0)
        for band in plan.bands:
            lines.append(self._band_text(band, lower))
            lower = band.up_to_m3 if band.up_to_m3 is not None else lower
        limited = [b for b in plan.bands if b.up_to_m3 is not None]
        if any(b.uplift_per_person_m3 for b in limited):
            amounts = " / ".join(_m3(b.uplift_per_person_m3) for b in limited)
            lines.append(
                self.tr(
                    "Households of more than {base} people: each extra person raises "
                    "the limits by {amounts} m³."
                ).format(base=plan.household_base, amounts=amounts)
            )
        if any(b.uplift_cap_m3 is not None for b in limited):
            caps = " / ".join(
                "—" if b.uplift_cap_m3 is None else _m3(b.uplift_cap_m3) for b in limited
            )
            lines.append(self.tr("At most {caps} m³ more a year per household.").format(caps=caps))
        return "\n".join(lines)

    def _band_text(self, band: Band, lower: Decimal) -> str:
        price = unit_price_text(band.unit_price)
        low = _m3(lower)
        if band.up_to_m3 is None:
            return self.tr("Tier {n}: above {low} m³, {price}").format(
                n=band.number, low=low, price=price
            )
        high = _m3(band.up_to_m3)
        return self.tr("Tier {n}: {low}–{high} m³, {price}").format(
            n=band.number, low=low, high=high, price=price
        )


def _m3(volume: Decimal) -> str:
    """A volume as written: 300, 150, 12.5 (no trailing zeros, no exponent)."""
    return f"{volume.normalize():f}"

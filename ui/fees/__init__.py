"""The fee lookup page: the tariff search, the fee detail, the cart and the late-fee waiver."""

"""The payments page: the cart charged, tenders, issuing, the receipt preview, the printer."""

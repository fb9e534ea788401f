"""Payment and receipts: settle a cart, issue a numbered, chained receipt, verify the chain."""

"""The counter's customer screen: who serves, the ticket, the fees, and the customer's rating."""

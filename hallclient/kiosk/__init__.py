"""The ticket kiosk (取号机): tickets taken by the customer, without a login."""

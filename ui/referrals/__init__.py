"""The referral board and the departments' directory."""

"""The admin page: users, counters and their printers, the audit journal."""

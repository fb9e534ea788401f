"""The approved tariff: schedules, items, tiered gas prices, and the one pricing service.

``rules`` is pure (no database): the data shapes and the arithmetic.  ``catalog`` is
the in-memory search over the items in force; ``pricing`` the only place a price is
computed; ``schedules`` the draft → approved → retired life of a schedule;
``importing`` reads and validates CSV and XLSX files.
"""

"""The gas account's ledger: the tier year's volume, meter readings, bills and late fees.

``rules`` is the pure part (consumption, the status rule, a cart's tier volumes);
``volumes`` keeps the stored tier-year figures; ``readings`` and ``reading_files``
take readings in; ``billing`` prices them into bills; ``bills`` reads open bills and
settles them inside a payment; ``verify`` recomputes the stored figures; ``desk``
hands it all to the UI; ``commands`` and ``cli`` are the command line.
"""

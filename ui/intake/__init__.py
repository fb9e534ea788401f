"""The counter's intake page: queue, visit, account search and panel, tickets, the customer's
own reading, emergencies, the referral form, slips and the day's visits.
"""

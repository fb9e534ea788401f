"""The customer's rating of a visit, and the follow-up of a bad one."""

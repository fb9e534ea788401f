"""Who may do what: the login, lock, password-change and manager-approval dialogs.
Imports ``ui.kit`` and ``ui.words``.
"""

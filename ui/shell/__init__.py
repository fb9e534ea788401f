"""The frame the capabilities meet in: the application, the course from login to main window,
the main window and its pages, navigation, the idle lock, the excepthook dialog.
"""

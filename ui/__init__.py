"""The PySide6 front end: windows, dialogs and background tasks over the ``hallclient`` core."""

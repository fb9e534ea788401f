"""The call board (叫号屏): a hall TV's full-screen window, and its voice."""

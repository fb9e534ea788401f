"""The ticket kiosk's window (``hallclient kiosk``): big, simple, touch and keyboard."""

"""The service-script panel beside the counter pages, and the script editor."""

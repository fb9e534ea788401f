"""Reports for the shift manager: the hall's day report (PDF) and exports (XLSX)."""

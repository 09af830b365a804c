"""export (to come)."""

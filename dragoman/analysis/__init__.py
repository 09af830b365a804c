"""analysis (to come)."""

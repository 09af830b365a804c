"""web (to come)."""

"""distributed (to come)."""

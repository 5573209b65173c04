"""The billing routes for the walkers; each area declares its own in `isolation_<area>.py`."""

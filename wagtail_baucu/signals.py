"""Signal receivers of the core app."""

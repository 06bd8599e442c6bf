"""One view per kind of session step, shown one at a time by the session screen."""

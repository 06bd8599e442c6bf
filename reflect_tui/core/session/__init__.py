"""Session flow: the steps of a guided reflection, independent of the UI."""

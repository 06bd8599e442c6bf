"""The coach: tip matching, practice suggestions, learning suggestions."""

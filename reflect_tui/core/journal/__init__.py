"""The journal: model, SQLite store, interchange formats."""

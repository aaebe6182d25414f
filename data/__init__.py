"""Store: the database (db.py, migrations.py, store.py) and evidence files (evidence.py)."""

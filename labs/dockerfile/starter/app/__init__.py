"""The iris prediction service (see main.py)."""

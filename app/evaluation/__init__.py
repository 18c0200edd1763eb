"""Measuring extraction: against FA-KES labels (labels.py), against hand-annotated gold
claims (gold.py, claims.py), and through a real import (run.py)."""

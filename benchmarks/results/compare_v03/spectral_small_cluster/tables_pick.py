"""Exploratory: narrow_tables/tables.py with spectral_clustering patched (variants.py)."""
import sys
import os
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE); sys.path.insert(0, os.path.join(HERE, "..", "narrow_tables"))
import variants  # noqa
import tables
only = None if sys.argv[2] == "all" else sys.argv[2].split(",")
tables.main(sys.argv[1], only, sys.argv[3].split(","), sys.argv[4].split(","), [int(s) for s in sys.argv[5].split(",")])

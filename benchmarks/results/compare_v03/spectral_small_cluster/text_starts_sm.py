"""Exploratory: the spectral start of text (30 neighbours, rows with a value, scaled by the
largest value) before (Shi and Malik's rounding off) and after, seeds 0-2."""
import sys, numpy as np, warnings; warnings.filterwarnings("ignore")
import os
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "text_order"))
from text_data import SETS, load_set
from skdeepcluster import graph
from skdeepcluster.metrics import clustering_report
for name in SETS:
    X, y = load_set(name)
    X = X.astype(np.float64); keep = np.any(X != 0, axis=1); X, y = X[keep] / np.abs(X).max(), y[keep]
    out = []
    for frac in (0.0, 0.6):
        graph.SHI_MALIK_CUT_FRACTION = frac
        r = [clustering_report(y, graph.spectral_clustering(X, len(np.unique(y)), n_neighbors=30, random_state=s)) for s in (0, 1, 2)]
        out.append(f"{'before' if frac == 0 else 'after'} {np.mean([q['ACC'] for q in r]):.3f} / {np.mean([q['NMI'] for q in r]):.3f}")
    print(f"{name:10s} " + "   ".join(out), flush=True)

import sys, numpy as np, warnings; warnings.filterwarnings("ignore")
import os
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "text_order"))
from text_data import load_set
from skdeepcluster import graph
for name in ("man23578", "man12358"):
    X, y = load_set(name)
    X = X.astype(np.float64); keep = np.any(X != 0, axis=1); X, y = X[keep] / np.abs(X).max(), y[keep]
    for frac in (0.0, 0.6):
        graph.SHI_MALIK_CUT_FRACTION = frac
        lab = graph.spectral_clustering(X, 5, n_neighbors=30, random_state=0)
        print(name, frac, "sizes", np.bincount(lab), "\n", np.array([np.bincount(y[lab == c], minlength=5) for c in range(5)]))

"""UMAP + GMM on fortune categories in the loader's order (sorted by category) and shuffled.

The loader returns the texts category by category. UMAP's layout optimiser
visits the graph's edges row by row; on text the empty rows are the nearest
neighbours of most texts (one hub), so with rows sorted by category the hub
follows each category in turn and the layout can read the categories from the
row order. Shuffling the rows (and scoring against the shuffled labels)
removes that. Usage::

    OMP_NUM_THREADS=1 python umap_order.py fortunes20,fortunes5,heldout5 0,1,2

(``man23578`` and ``man12358``: manual pages by section, text_order/manpages.py,
whose loader returns the pages section by section too.)
"""
import os
import sys
import time
import warnings

import numpy as np

warnings.filterwarnings("ignore")
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.mixture import GaussianMixture  # noqa: E402

from skdeepcluster.metrics import clustering_report  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "text_order"))
from text_data import load_set, shuffled  # noqa: E402


def main():
    import umap
    names = sys.argv[1].split(",")
    seeds = [int(s) for s in sys.argv[2].split(",")]
    for name in names:
        X, y = load_set(name)
        k = len(np.unique(y))
        for seed in seeds:
            for order in ("sorted", "shuffled"):
                Xo, yo = (X, y) if order == "sorted" else shuffled(X, y, seed)
                t = time.process_time()
                U = umap.UMAP(n_neighbors=10, min_dist=0.0, n_components=k, random_state=seed).fit_transform(Xo)
                lab = GaussianMixture(k, covariance_type="full", random_state=seed).fit_predict(U)
                r = clustering_report(yo, lab)
                print(f"{name:10s} seed {seed} {order:8s} UMAP + GMM ACC {r['ACC']:.3f} NMI {r['NMI']:.3f} "
                      f"cpu {time.process_time() - t:.1f}", flush=True)
            lab = KMeans(k, n_init=10, random_state=seed).fit_predict(X)
            r = clustering_report(y, lab)
            print(f"{name:10s} seed {seed} {'any':8s} k-means    ACC {r['ACC']:.3f} NMI {r['NMI']:.3f}", flush=True)


if __name__ == "__main__":
    main()

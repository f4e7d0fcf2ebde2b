"""Fit an estimator with its defaults (n_clusters = the true k) on a
compare.py data set and pickle it with the labels, for refine.py and
rc_probe.py. Run from the repository root, e.g.::

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/jule_final_probe/fit.py fashion_mnist 0

(writes jule_fashion_mnist_0.pkl in the current folder).
"""
import pickle
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import normalized_mutual_info_score

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from compare import load  # noqa: E402  (puts the checkout on sys.path)

from skdeepcluster import (  # noqa: E402
    DAMICClustering,
    DEPICTClustering,
    DiscriminativeLatentClustering,
    JULEClustering,
)
from skdeepcluster.metrics import clustering_accuracy  # noqa: E402

name, seed = sys.argv[1], int(sys.argv[2])
method = sys.argv[3] if len(sys.argv) > 3 else "jule"
data = load(name)
cls = dict(jule=JULEClustering, depict=DEPICTClustering, damic=DAMICClustering,
           ddlsc=DiscriminativeLatentClustering)[method]
start = time.process_time()
est = cls(n_clusters=len(np.unique(data.target)), random_state=seed).fit(data.data)
cpu = time.process_time() - start
print(name, seed, method, "ACC %.3f NMI %.3f cpu %.1f" % (
    clustering_accuracy(data.target, est.labels_),
    normalized_mutual_info_score(data.target, est.labels_), cpu), flush=True)
with open(f"{method}_{name}_{seed}.pkl", "wb") as f:
    pickle.dump(dict(est=est, y=data.target), f)

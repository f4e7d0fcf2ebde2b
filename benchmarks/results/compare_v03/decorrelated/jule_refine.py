"""Exploratory: JULEClustering built with ``n_clusters`` alone on narrow
tables, its labels against EM of a full-covariance Gaussian mixture of the
scaled table started from them (``refined``) and against the package's
mixture start of the table (``mixture``: EM from the best of 10 k-means
runs); ACC / NMI, mean of seeds 0-2::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/decorrelated/jule_refine.py /tmp/mlbench > benchmarks/results/compare_v03/decorrelated/jule_refine.txt
"""
import os, sys, time, warnings
import numpy as np
warnings.filterwarnings("ignore")
import torch
torch.set_num_threads(1)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from estimators import sets  # noqa: E402
from skdeepcluster import JULEClustering  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402
from skdeepcluster.mixture import _em_from_partition, mixture_clustering  # noqa: E402


def em_from(X, labels, k, seed):
    return _em_from_partition(X, np.unique(labels, return_inverse=True)[1], k, seed)


for name, X, y in sets(sys.argv[1]):
    X, k = np.asarray(X, dtype=np.float32), len(np.unique(y))
    rows = []
    for seed in (0, 1, 2):
        t = time.process_time()
        model = JULEClustering(k, random_state=seed).fit(X)
        cpu = time.process_time() - t
        Xs = (X - model.scale_offset_) * model.scale_factor_
        Xs = Xs.astype(np.float64)
        out = []
        mixture = mixture_clustering(Xs, k, random_state=seed)
        from_jule, from_kmeans = em_from(Xs, model.labels_, k, seed), em_from(Xs, mixture, k, seed)
        likelier = max((from_jule, from_kmeans), key=lambda g: g.score(Xs))
        for labels in (model.labels_, from_jule.predict(Xs), mixture, likelier.predict(Xs)):
            r = clustering_report(y, labels)
            out += [r["ACC"], r["NMI"]]
        rows.append(out + [cpu])
    a = np.mean(rows, axis=0)
    print(f"{name:28s} JULE {a[0]:.3f} / {a[1]:.3f}  refined {a[2]:.3f} / {a[3]:.3f}"
          f"  mixture {a[4]:.3f} / {a[5]:.3f}  likelier {a[6]:.3f} / {a[7]:.3f}  ({a[8]:.1f} s CPU a fit)",
          flush=True)

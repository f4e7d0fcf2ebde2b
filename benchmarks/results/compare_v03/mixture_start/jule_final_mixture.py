"""Exploratory: JULE built with n_clusters alone on narrow tables, its labels
against a Gaussian mixture (``mixture_clustering``) of its learned embedding
and of its scaled input, seeds 0-2::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/mixture_start/jule_final_mixture.py /tmp/mlbench > benchmarks/results/compare_v03/mixture_start/jule_final_mixture.txt
"""
import os, sys, time, warnings
import numpy as np
warnings.filterwarnings("ignore")
import torch
torch.set_num_threads(1)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from estimators_gmm_start import sets  # noqa: E402
from narrow_starts import clustering_report  # noqa: E402
from skdeepcluster import JULEClustering
from skdeepcluster.mixture import mixture_clustering

for name, X, y in sets(sys.argv[1]):
    k = len(np.unique(y))
    rows = []
    for seed in (0, 1, 2):
        t = time.process_time()
        m = JULEClustering(k, random_state=seed).fit(X)
        cpu = time.process_time() - t
        scaled = (X - m.scale_offset_) * m.scale_factor_
        rows.append([clustering_report(y, labels)["ACC"] for labels in (
            m.labels_, mixture_clustering(m.embedding_, k, random_state=seed),
            mixture_clustering(scaled, k, random_state=seed))] + [cpu])
    a = np.mean(rows, axis=0)
    print(f"{name:20s} JULE labels_ {a[0]:.3f}  mixture of its embedding {a[1]:.3f}  mixture of its input {a[2]:.3f}"
          f"  ({a[3]:.1f} s CPU a fit)", flush=True)

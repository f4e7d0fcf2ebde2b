"""DEPICTClustering (or ``--method NAME``) built with n_clusters alone on iris, wine and breast cancer (standardised, as in results_tabular_s7), seeds as given: ACC / NMI of the start (init_labels_) and of the fit, epochs of the clustering phase, CPU seconds; then the means (doc/results.rst, results_depict_shapes).

    OMP_NUM_THREADS=1 PYTHONPATH=/tmp/headpkg python benchmarks/results/compare_v03/depict_shapes/tabular.py 0,1,2,3,4 > benchmarks/results/compare_v03/depict_shapes/tabular_before.txt
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/depict_shapes/tabular.py 0,1,2,3,4 > benchmarks/results/compare_v03/depict_shapes/tabular_after.txt
"""
import time
import warnings

import numpy as np
import torch
from sklearn.datasets import load_breast_cancer, load_iris, load_wine
from sklearn.metrics import normalized_mutual_info_score as nmi
from sklearn.preprocessing import StandardScaler

import skdeepcluster
from skdeepcluster.metrics import clustering_accuracy
from probe_args import method_and_seeds

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
METHOD, seeds, _ = method_and_seeds()
for name, load in [("iris", load_iris), ("wine", load_wine), ("breast_cancer", load_breast_cancer)]:
    data = load()
    X, y = StandardScaler().fit_transform(data.data), data.target
    rows = []
    for seed in seeds:
        t = time.process_time()
        est = getattr(skdeepcluster, METHOD)(len(np.unique(y)), random_state=seed).fit(X)
        start = clustering_accuracy(y, est.init_labels_) if hasattr(est, "init_labels_") else np.nan
        rows.append((start, clustering_accuracy(y, est.labels_),
                     nmi(y, est.labels_), est.n_iter_, time.process_time() - t))
        print(f"  {name} seed {seed}: start ACC {rows[-1][0]:.3f}, ACC / NMI {rows[-1][1]:.3f} / "
              f"{rows[-1][2]:.3f}, {rows[-1][3]} epochs, {rows[-1][4]:.1f} s CPU", flush=True)
    mean = np.mean(rows, axis=0)
    print(f"{name:14s} mean: start ACC {mean[0]:.3f}, ACC / NMI {mean[1]:.3f} / {mean[2]:.3f}, "
          f"{mean[3]:.1f} epochs, {mean[4]:.1f} s CPU", flush=True)

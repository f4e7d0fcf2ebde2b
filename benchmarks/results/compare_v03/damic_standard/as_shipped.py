"""DAMIC built with ``n_clusters`` alone on iris, wine and breast cancer as
scikit-learn ships them (features in mixed units, not standardised), seeds
0-2: ``scaling_`` and the mean ACC / NMI; the digits' pixels for the
scaling it keeps there. Run from the repository root::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/damic_standard/as_shipped.py
"""
import time
import warnings

import numpy as np
from sklearn.datasets import load_breast_cancer, load_digits, load_iris, load_wine

from skdeepcluster import DAMICClustering
from skdeepcluster.metrics import clustering_report

warnings.filterwarnings("ignore")
for name, loader in (("iris", load_iris), ("wine", load_wine), ("breast_cancer", load_breast_cancer),
                     ("digits", load_digits)):
    data = loader()
    scores, start = [], time.process_time()
    for seed in (0, 1, 2):
        est = DAMICClustering(len(np.unique(data.target)), random_state=seed).fit(data.data)
        report = clustering_report(data.target, est.labels_)
        scores.append((report["ACC"], report["NMI"]))
    acc, nmi = np.mean(scores, axis=0)
    print(f"{name:14s} scaling_ {est.scaling_:8s} ACC / NMI {acc:.3f} / {nmi:.3f}  "
          f"({', '.join(f'{a:.3f}' for a, _ in scores)})  {time.process_time() - start:.1f} s CPU", flush=True)

"""Exploratory: DiscriminativeLatentClustering built with ``n_clusters``
alone on narrow tables, which it starts from a Gaussian mixture of the
table held as stage I's assignments, with the hold capped at each of the
given numbers of gradient steps (``ddlsc.HOLD_MAX_STEPS``; 0: not held);
ACC / NMI and CPU seconds a fit, mean of seeds 0-2::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/decorrelated/ddlsc_hold.py /tmp/mlbench 0,30,100,300 > benchmarks/results/compare_v03/decorrelated/ddlsc_hold.txt

A third argument ``hold-only`` ends the fit with the hold where the start
is the mixture (no stage I or II epochs after it, as DEPICT's clustering
phase ends with its hold on narrow tables)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/decorrelated/ddlsc_hold.py /tmp/mlbench 100,300 hold-only > benchmarks/results/compare_v03/decorrelated/ddlsc_hold_only.txt
"""
import os, sys, time, warnings
import numpy as np
warnings.filterwarnings("ignore")
import torch
torch.set_num_threads(1)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from estimators import sets  # noqa: E402
from skdeepcluster import ddlsc  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

TABLES = ("iris", "wine", "breast_cancer", "Zoo", "Vowel", "PimaIndiansDiabetes", "Glass", "Vehicle",
          "Ionosphere", "Sonar", "unequal 3-D blobs")
caps = [int(c) for c in sys.argv[2].split(",")]
hold_only = len(sys.argv) > 3 and sys.argv[3] == "hold-only"


class HoldOnly(ddlsc.DiscriminativeLatentClustering):
    def _epochs(self, name, n_samples):
        if name == "n_epochs" and self.init_ == "gmm":
            return 0
        return super()._epochs(name, n_samples)


Estimator = HoldOnly if hold_only else ddlsc.DiscriminativeLatentClustering
for name, X, y in sets(sys.argv[1]):
    if name not in TABLES:
        continue
    X, k = np.asarray(X, dtype=np.float32), len(np.unique(y))
    cells = []
    for cap in caps:
        rows = []
        for seed in (0, 1, 2):
            model = Estimator(k, random_state=seed)
            ddlsc.HOLD_MAX_STEPS = cap
            t = time.process_time()
            model.fit(X)
            r = clustering_report(y, model.labels_)
            rows.append((r["ACC"], r["NMI"], time.process_time() - t))
        a = np.mean(rows, axis=0)
        cells.append(f"{cap:4d}: {a[0]:.3f} / {a[1]:.3f} {a[2]:5.1f} s")
    print(f"{name:20s} " + "   ".join(cells), flush=True)

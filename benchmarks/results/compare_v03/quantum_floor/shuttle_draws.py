"""Two more random draws of 5,000 rows of mlbench's Shuttle (the held-out
table's draw is ``export_heldout.R``'s), standardised; DiscriminativeLatent-
Clustering and JULE built with ``n_clusters`` alone, seeds 0 and 1; one
line per fit: draw, seed, estimator, ACC. Run on the package before and
after the resolution floor::

    OMP_NUM_THREADS=1 PYTHONPATH=/tmp/headpkg_5b5 python benchmarks/results/compare_v03/quantum_floor/shuttle_draws.py DiscriminativeLatentClustering,JULEClustering > benchmarks/results/compare_v03/quantum_floor/runs/shuttle_draws_before.txt
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/quantum_floor/shuttle_draws.py DiscriminativeLatentClustering,JULEClustering > benchmarks/results/compare_v03/quantum_floor/runs/shuttle_draws_after.txt

(``/tmp/headpkg_5b5``: ``git archive 5b5afea skdeepcluster | tar -x -C /tmp/headpkg_5b5``.)
"""
import os, sys, warnings
import numpy as np
warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "mixture_start"))
from probe import load  # noqa: E402
import skdeepcluster as sk  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402
X0, y0 = load("/tmp/mlbench", "Shuttle")
for sub in (1, 2):
    rows = np.sort(np.random.RandomState(sub).choice(len(X0), 5000, replace=False))
    X = StandardScaler().fit_transform(X0[rows]).astype(np.float32); y = y0[rows]
    k = len(np.unique(y))
    for seed in range(2):
        for name in sys.argv[1].split(","):
            m = getattr(sk, name)(k, random_state=seed).fit(X)
            print(sub, seed, name, "%.3f" % clustering_report(y, m.labels_)["ACC"], flush=True)

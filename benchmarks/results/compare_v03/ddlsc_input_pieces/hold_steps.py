"""DiscriminativeLatentClustering built with n_clusters alone on two moons
and two rings (1,000 samples, noise 0.05): ARI of the start and of the fit,
the epochs (one gradient step each) of the hold and of the two stages, and
the hold's last ``label_change``, seeds 0 and 1 (doc/results.rst,
results_ddlsc_input_pieces)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/ddlsc_input_pieces/hold_steps.py > benchmarks/results/compare_v03/ddlsc_input_pieces/hold_steps.txt
"""
import time
import warnings

import torch
from sklearn.datasets import make_circles, make_moons
from sklearn.metrics import adjusted_rand_score

from skdeepcluster import DiscriminativeLatentClustering

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
for name, (X, y) in [("moons", make_moons(1000, noise=0.05, random_state=0)),
                     ("circles", make_circles(1000, noise=0.05, factor=0.5, random_state=0))]:
    for seed in (0, 1):
        t = time.process_time()
        model = DiscriminativeLatentClustering(2, random_state=seed).fit(X)
        phases = [h["phase"] for h in model.history_]
        hold = [h["label_change"] for h in model.history_ if h["phase"] == "hold"]
        print(f"{name:8s} seed {seed}: start ARI {adjusted_rand_score(y, model.init_labels_):.3f}, "
              f"fit ARI {adjusted_rand_score(y, model.labels_):.3f}; epochs hold {len(hold)} "
              f"(last label_change {hold[-1] if hold else float('nan'):.3f}), "
              f"stage1 {phases.count('stage1')}, stage2 {phases.count('stage2')}; "
              f"{time.process_time() - t:.1f} s CPU", flush=True)

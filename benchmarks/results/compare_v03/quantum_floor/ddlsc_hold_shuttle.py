"""Why DiscriminativeLatentClustering lost on the held-out draw of Shuttle
(seed 0): its start (the table's Gaussian mixture, captured) against its
labels after the hold, which does not reproduce it (the hold's last epochs'
``label_change``)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/quantum_floor/ddlsc_hold_shuttle.py > benchmarks/results/compare_v03/quantum_floor/runs/ddlsc_hold_shuttle.txt
"""
import os, sys, warnings
import numpy as np
warnings.filterwarnings("ignore")
import torch  # noqa: E402
torch.set_num_threads(1)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "mixture_start"))
from probe import load  # noqa: E402
import skdeepcluster as sk  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402
from sklearn.metrics import adjusted_rand_score  # noqa: E402
X, y = load("/tmp/heldout", "Shuttle 5000")
captured = {}
orig = sk.ddlsc.initial_clustering
def spy(*a, **k):
    lab = orig(*a, **k); captured["start"] = lab; return lab
sk.ddlsc.initial_clustering = spy
m = sk.DiscriminativeLatentClustering(6, random_state=0).fit(X)
st = captured["start"]
print("start", clustering_report(y, st)["ACC"], np.bincount(st))
print("final", clustering_report(y, m.labels_)["ACC"], np.bincount(m.labels_, minlength=6), "ARI to start", adjusted_rand_score(st, m.labels_))
print("hold, last epochs: label_change", [round(h["label_change"], 3) for h in m.history_[-3:]])

"""JULEClustering("auto") on the digits with other ``max_clusters`` (the
floor of its first period's merges, and the cap of its estimates): both
estimates of each fit (on the first period's embedding, then before the
final re-clustering) and ``n_clusters_``, seeds 0-2. From the repository
root::

    OMP_NUM_THREADS=1 python benchmarks/results/auto_k/jule_first_period/first_period_floor.py 20 30 40 50
"""
import sys
import torch
from sklearn.datasets import load_digits
import skdeepcluster.base as base
from skdeepcluster import JULEClustering, estimate_n_clusters
torch.set_num_threads(1)
X = load_digits().data / 16.0
calls = []
def spy(*a, **k):
    r = estimate_n_clusters(*a, **k); calls.append(r); return r
base.estimate_n_clusters = spy
for mc in map(int, sys.argv[1:]):
    out = []
    for seed in range(3):
        calls.clear()
        m = JULEClustering("auto", max_clusters=mc, random_state=seed).fit(X)
        out.append((list(calls), m.n_clusters_))
    print("max_clusters", mc, out, flush=True)

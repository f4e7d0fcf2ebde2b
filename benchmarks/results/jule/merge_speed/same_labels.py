"""The merges of graph degree linkage before the change (a copy of the
package in the folder given, as in ``compare_merges.py``) and now, on 432
cases: six sets, two graphs (5 and 20 neighbours), two starts (every sample
its own cluster, random groups), three criteria, three size limits, two
targets. From the repository root:

    OMP_NUM_THREADS=1 python benchmarks/results/jule/merge_speed/same_labels.py /tmp/oldpkg > benchmarks/results/jule/merge_speed/same_labels.txt
"""
import sys

import numpy as np
from sklearn.datasets import load_digits, load_iris, load_wine, make_blobs


def graph_module(folder):
    for name in [k for k in sys.modules if k.startswith("skdeepcluster")]:
        del sys.modules[name]
    sys.path.insert(0, folder)
    try:
        import skdeepcluster.graph as module
    finally:
        sys.path.pop(0)
    return module


old, new = graph_module(sys.argv[1]), graph_module(".")
assert old.__file__ != new.__file__, (old.__file__, new.__file__)
rng = np.random.default_rng(0)
n_cases = n_different = 0
sets = [load_digits().data, load_iris().data, load_wine().data]
sets += [make_blobs(400, 10, centers=c, random_state=c)[0] for c in (3, 7, 15)]
for X in sets:
    X = (X - X.mean(0)) / (X.std(0) + 1e-9)
    for k_s in (5, 20):
        W = new.knn_graph(X, k_s)
        W = W[0] if isinstance(W, tuple) else W
        for start in ("random groups", "singletons"):
            if start == "singletons":
                labels = np.arange(len(X))
            else:
                labels = rng.integers(0, max(len(X) // 5, 12), len(X))
            for k_c, lambda_ in ((1, 0.0), (5, 1.0), (3, 0.5)):
                for max_size, min_size in ((None, None), (len(X) // 4, None),
                                           (len(X) // 4, len(X) // 30)):
                    for target in (2, 10):
                        kwargs = dict(n_cluster_neighbors=k_c, lambda_=lambda_,
                                      features=X if min_size else None,
                                      max_size=max_size, min_size=min_size)
                        a = old.gdl_agglomerative(W, target, labels.copy(), **kwargs)
                        b = new.gdl_agglomerative(W, target, labels.copy(), **kwargs)
                        n_cases += 1
                        n_different += not np.array_equal(a, b)
print("cases", n_cases, "different", n_different)

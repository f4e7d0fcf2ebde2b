import sys, numpy as np, warnings; warnings.filterwarnings("ignore")
sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__file__), "../../../.."))
import bench_auto_k as B
for name, X, y, k in B.suite("/nonexistent"):
    if name.startswith("blobs") or name.startswith("Fashion"):
        continue
    ks = [B.umap_hdbscan(X)]
    for s in (0, 1):
        p = np.random.RandomState(s).permutation(len(X)); ks.append(B.umap_hdbscan(X[p]))
    sorted_ = y is not None and bool(np.all(np.diff(y) >= 0))
    print(f"{name:22s} true {k:3d} given-order {ks[0]} shuffled {ks[1:]} labels-sorted {sorted_}", flush=True)

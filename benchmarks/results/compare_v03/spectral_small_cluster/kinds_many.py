"""Exploratory: kinds of data not in any table: many small clusters, few rows,
unbalanced classes. Each estimator with n_clusters alone, next to k-means."""
import sys, time, warnings, numpy as np
warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
from sklearn.datasets import make_blobs, load_digits
from sklearn.cluster import KMeans
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_report

def sets():
    X, y = make_blobs(400, n_features=20, centers=40, cluster_std=1.0, random_state=0)
    yield "blobs 40x10 in 20-D", X, y
    X, y = make_blobs(2000, n_features=50, centers=30, cluster_std=3.0, random_state=1)
    yield "blobs 30 in 50-D std3", X, y
    d = load_digits()
    rs = np.random.RandomState(0)
    idx = np.concatenate([rs.choice(np.flatnonzero(d.target == c), 30, replace=False) for c in range(10)])
    yield "digits 30 per class", d.data[idx] / 16, d.target[idx]
    sizes = np.linspace(15, 178, 10).astype(int)
    idx = np.concatenate([np.flatnonzero(d.target == c)[:s] for c, s in enumerate(sizes)])
    yield "digits unbalanced 15..178", d.data[idx] / 16, d.target[idx]

only = sys.argv[1].split(",") if len(sys.argv) > 1 else None
methods = sys.argv[2].split(",") if len(sys.argv) > 2 else ["DEPICTClustering", "JULEClustering", "DAMICClustering", "DiscriminativeLatentClustering"]
for name, X, y in sets():
    k = len(np.unique(y))
    km = [clustering_report(y, KMeans(k, n_init=10, random_state=s).fit_predict(X)) for s in (0, 1)]
    print(f"{name}: {X.shape}, k={k}; k-means {np.mean([r['ACC'] for r in km]):.3f} / {np.mean([r['NMI'] for r in km]):.3f}", flush=True)
    for m in methods:
        for s in (0, 1):
            t = time.process_time()
            try:
                e = getattr(sk, m)(k, random_state=s).fit(X)
                r = clustering_report(y, e.labels_)
                print(f"  {m:32s} seed {s}: {r['ACC']:.3f} / {r['NMI']:.3f}  {len(np.unique(e.labels_))} clusters, {time.process_time()-t:.1f} s", flush=True)
            except Exception as exc:
                print(f"  {m} seed {s}: {type(exc).__name__}: {exc}", flush=True)

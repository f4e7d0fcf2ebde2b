"""Exploratory: two-class subsets of real data with one class cut to a tenth
(and a 70/30 variant), each estimator with n_clusters alone beside k-means.
Usage: imbalanced_pairs.py METHODS SEEDS [PARAMS_JSON]"""
import sys, json, time, warnings, numpy as np
warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
from sklearn.cluster import KMeans
from sklearn.datasets import load_digits
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_report
from skdeepcluster.datasets import load_dataset


def pair(X, y, a, b, frac, rs):
    ia = np.flatnonzero(y == a)
    ib = np.flatnonzero(y == b)
    ib = rs.choice(ib, min(len(ib), max(2, int(round(frac * len(ia))))), replace=False)
    idx = np.concatenate([ia, ib])
    return X[idx], (y[idx] == b).astype(int)


FRACS = (0.1, 0.4)


def sets():
    d = load_digits()
    rs = np.random.RandomState(0)
    for a, b in [(4, 9), (1, 7), (3, 8), (0, 6)]:
        for frac in FRACS:
            yield f"digits {a}/{b} {frac}", *pair(d.data / 16.0, d.target, a, b, frac, rs)
    f = load_dataset("fashion_mnist")
    Xf = f.data.reshape(len(f.data), -1) / 255.0
    for a, b in [(1, 0), (7, 9), (3, 8)]:
        for frac in FRACS:
            Xa, ya = pair(Xf, f.target, a, b, frac, rs)
            yield f"fmnist {a}/{b} {frac}", Xa, ya


methods = sys.argv[1].split(",")
seeds = [int(s) for s in sys.argv[2].split(",")]
params = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
if len(sys.argv) > 4:
    FRACS = tuple(float(f) for f in sys.argv[4].split(","))
for name, X, y in sets():
    km = clustering_report(y, KMeans(2, n_init=10, random_state=0).fit_predict(X))
    print(f"{name}: {X.shape}, sizes {np.bincount(y).tolist()}; k-means {km['ACC']:.3f} / {km['NMI']:.3f}", flush=True)
    for m in methods:
        for s in seeds:
            t = time.process_time()
            est = getattr(sk, m)(2, random_state=s, **params).fit(X)
            r = clustering_report(y, est.labels_)
            print(f"  {m:32s} seed {s}: {r['ACC']:.3f} / {r['NMI']:.3f}  sizes {np.bincount(est.labels_, minlength=2).tolist()}  {time.process_time() - t:.1f} s", flush=True)

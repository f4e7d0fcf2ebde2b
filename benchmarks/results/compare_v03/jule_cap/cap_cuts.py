"""Exploratory: JULE's capped merges against the same merges uncapped, read by
the normalised cut of each partition on the merge's own graph (symmetrised).
For every capped merge of a default fit (the later periods' and the final
re-clustering's) prints the sizes and normalised cuts of both partitions,
their ratio (uncapped / capped) and, where labels are known, the ACC of both.
Usage: cap_cuts.py SET[,SET...] SEEDS"""
import sys, warnings, numpy as np
warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
from sklearn.datasets import make_blobs, load_digits, load_iris, load_wine, load_breast_cancer
from sklearn.preprocessing import StandardScaler
import skdeepcluster as sk
from skdeepcluster import jule as jule_mod
from skdeepcluster.graph import normalized_cut, gdl_agglomerative
from skdeepcluster.metrics import clustering_report
from skdeepcluster.datasets import load_dataset


def load(name):
    if name == "g9010":
        return make_blobs([900, 100], n_features=10, cluster_std=1.0,
                          centers=[np.zeros(10), np.full(10, 1.2)], random_state=0)
    if name == "g8020":
        return make_blobs([800, 200], n_features=10, cluster_std=1.0,
                          centers=[np.zeros(10), np.full(10, 1.2)], random_state=0)
    if name == "g3x":  # three clusters 70/20/10
        return make_blobs([700, 200, 100], n_features=10, cluster_std=1.0, random_state=3)
    if name == "digits":
        d = load_digits(); return d.data / 16.0, d.target
    if name in ("iris", "wine", "breast_cancer"):
        d = {"iris": load_iris, "wine": load_wine, "breast_cancer": load_breast_cancer}[name]()
        return StandardScaler().fit_transform(d.data), d.target
    if name.startswith("digits2"):  # digits a/b with b cut to a tenth
        a, b = int(name[-2]), int(name[-1])
        d = load_digits(); rs = np.random.RandomState(0)
        ia = np.flatnonzero(d.target == a); ib = rs.choice(np.flatnonzero(d.target == b), 18, replace=False)
        idx = np.concatenate([ia, ib]); return d.data[idx] / 16.0, (d.target[idx] == b).astype(int)
    if name == "fmnist":
        d = load_dataset("fashion_mnist"); return d.data.reshape(len(d.data), -1) / 255.0, d.target
    raise ValueError(name)


def main():
    names, seeds = sys.argv[1].split(","), [int(s) for s in sys.argv[2].split(",")]
    orig = jule_mod.JULEClustering._merge
    for name in names:
        X, y = load(name)
        k = len(np.unique(y))
        for seed in seeds:
            y_now = {}

            def merge(self, W, n_target, labels, features, first=False, capped=True):
                out = orig(self, W, n_target, labels, features, first, capped)
                cap = self._size_cap(first) if capped else None
                if first or cap is None:
                    return out
                free = gdl_agglomerative(W, n_target, labels, n_cluster_neighbors=self.k_c,
                                         lambda_=self.lambda_, features=features, max_size=None,
                                         min_size=int(np.ceil(jule_mod.MIN_SIZE * len(labels) / n_target)))
                A = W + W.T
                c1, c2 = normalized_cut(A, out), normalized_cut(A, free)
                line = (f"    merge to {n_target}: capped sizes {sorted(np.bincount(out).tolist())[-3:]} ncut {c1:.3f}; "
                        f"free sizes {sorted(np.bincount(free).tolist())[-3:]} ncut {c2:.3f}; ratio {c2 / max(c1, 1e-12):.3f}")
                if len(out) == len(y) and n_target == k:
                    line += (f"; ACC capped {clustering_report(y, out)['ACC']:.3f} "
                             f"free {clustering_report(y, free)['ACC']:.3f}")
                print(line, flush=True)
                return out

            jule_mod.JULEClustering._merge = merge
            est = sk.JULEClustering(k, random_state=seed).fit(X)
            jule_mod.JULEClustering._merge = orig
            r = clustering_report(y, est.labels_)
            print(f"{name} seed {seed}: final {est.final_clustering_}, ACC {r['ACC']:.3f} NMI {r['NMI']:.3f}", flush=True)


main()

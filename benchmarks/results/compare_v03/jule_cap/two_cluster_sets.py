"""Exploratory: JULE with n_clusters=2 alone on two-cluster sets of other
kinds: FCPS's two-cluster sets (no labels shipped: the cluster sizes are printed) and Gaussians of 900 and
100 rows in 10-D (the first set of spectral_small_cluster/kinds.py).
Usage: two_cluster_sets.py SEEDS"""
import sys, warnings, numpy as np
warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_report

seeds = [int(s) for s in sys.argv[1].split(",")]
sets = [("gauss 900/100 10-D", *make_blobs([900, 100], n_features=10, cluster_std=1.0,
                                           centers=[np.zeros(10), np.full(10, 1.2)], random_state=0))]
for name in ("Atom", "Chainlink", "EngyTime", "TwoDiamonds", "WingNut"):
    X = np.loadtxt(f"/usr/share/pyclustering/samples/samples/fcps/{name}.data", ndmin=2)
    sets.append((f"FCPS {name}", X, None))
for name, X, y in sets:
    km = KMeans(2, n_init=10, random_state=0).fit_predict(X)
    line = f"{name}: {X.shape}"
    if y is not None:
        r = clustering_report(y, km); line += f", sizes {np.bincount(y).tolist()}; k-means {r['ACC']:.3f} / {r['NMI']:.3f}"
    print(line, flush=True)
    for s in seeds:
        lab = sk.JULEClustering(2, random_state=s).fit(X).labels_
        out = f"  JULEClustering seed {s}: "
        if y is not None:
            r = clustering_report(y, lab); out += f"{r['ACC']:.3f} / {r['NMI']:.3f}"
        print(out + f"  sizes {np.bincount(lab, minlength=2).tolist()}", flush=True)

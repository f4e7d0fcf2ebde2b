"""Exploratory: JULE and DiscriminativeLatentClustering (whose starts the
compact pair does not touch) on pairs.py's Gaussians of different spreads
in 100-D, beside k-means of the rows, with the share of each cluster's
rows' 10 nearest neighbours (in the rows) that are of its own cluster.
Usage: spreads_others.py SEEDS"""
import sys, time, warnings, numpy as np
warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.neighbors import NearestNeighbors
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_report

seeds = [int(s) for s in sys.argv[1].split(",")]
for sizes in [(500, 500), (900, 100), (100, 900)]:
    X, y = make_blobs(list(sizes), n_features=100, cluster_std=[1.0, 2.5],
                      centers=[np.zeros(100), np.full(100, 0.6)], random_state=0)
    km = clustering_report(y, KMeans(2, n_init=10, random_state=0).fit_predict(X))
    neighbours = NearestNeighbors(n_neighbors=11).fit(X).kneighbors(X, return_distance=False)[:, 1:]
    own = y[neighbours] == y[:, None]
    print(f"spreads 100-D {sizes[0]}/{sizes[1]}: k-means {km['ACC']:.3f} / {km['NMI']:.3f}; "
          f"own-cluster neighbours: narrow {own[y == 0].mean():.3f}, wide {own[y == 1].mean():.3f}", flush=True)
    for m in ["JULEClustering", "DiscriminativeLatentClustering"]:
        for s in seeds:
            t = time.process_time()
            est = getattr(sk, m)(2, random_state=s).fit(X)
            r = clustering_report(y, est.labels_)
            print(f"  {m:32s} seed {s}: {r['ACC']:.3f} / {r['NMI']:.3f} sizes {np.bincount(est.labels_, minlength=2).tolist()} "
                  f"{time.process_time() - t:.0f} s", flush=True)

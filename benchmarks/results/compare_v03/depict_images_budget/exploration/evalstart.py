"""Spectral start (the estimator's init="auto") ACC/NMI on saved embeddings."""
import sys, time, numpy as np
from sklearn.metrics import normalized_mutual_info_score as nmi
from skdeepcluster.base import initial_clustering
from skdeepcluster.metrics import clustering_accuracy
for path in sys.argv[1:]:
    d = np.load(path); Z, y = d["Z"].astype(np.float64), d["y"]
    t = time.process_time()
    lab = initial_clustering(Z, 10, "auto", np.random.RandomState(0))
    km = initial_clustering(Z, 10, "kmeans", np.random.RandomState(0))
    print(path.split("/")[-1], "pretrain cpu", round(float(d["cpu"]), 1), "loss", round(float(d["loss"]), 4),
          "spectral", f"{clustering_accuracy(y, lab):.3f}/{nmi(y, lab):.3f}",
          "kmeans", f"{clustering_accuracy(y, km):.3f}/{nmi(y, km):.3f}",
          "eval cpu", round(time.process_time() - t, 1), flush=True)

"""The spectral start (init="auto") on saved embeddings with 5 clustering seeds: mean and range of ACC/NMI."""
import sys, numpy as np
from sklearn.metrics import normalized_mutual_info_score as nmi
from skdeepcluster.base import initial_clustering
from skdeepcluster.metrics import clustering_accuracy
for path in sys.argv[1:]:
    d = np.load(path); Z, y = d["Z"].astype(np.float64), d["y"]
    r = []
    for s in range(5):
        lab = initial_clustering(Z, 10, "auto", np.random.RandomState(s))
        r.append((clustering_accuracy(y, lab), nmi(y, lab)))
    r = np.array(r)
    print(path.split("/")[-1], "ACC mean %.3f (%.3f-%.3f)  NMI mean %.3f (%.3f-%.3f)" % (
        r[:, 0].mean(), r[:, 0].min(), r[:, 0].max(), r[:, 1].mean(), r[:, 1].min(), r[:, 1].max()), flush=True)

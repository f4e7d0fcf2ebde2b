"""Post-hoc refinements of JULE's final labels on its final embedding
(kNN mode filter, k-means and a PCA-20 GMM started from the labels), on the
pickles of fit.py: ``python refine.py "jule_fashion_mnist_*.pkl"``."""
import sys, pickle, glob
import numpy as np
from sklearn.neighbors import NearestNeighbors
from sklearn.cluster import KMeans
from sklearn.mixture import GaussianMixture
from sklearn.decomposition import PCA
from skdeepcluster.metrics import clustering_accuracy as acc
from sklearn.metrics import normalized_mutual_info_score as nmi

def mode_filter(E, lab, k, iters=1, weighted=False):
    nn = NearestNeighbors(n_neighbors=k + 1).fit(E)
    d, ind = nn.kneighbors(E)
    d, ind = d[:, 1:], ind[:, 1:]
    K = lab.max() + 1
    w = np.exp(-d**2 / np.mean(d**2)) if weighted else np.ones_like(d)
    for _ in range(iters):
        votes = np.zeros((len(lab), K))
        np.add.at(votes, (np.repeat(np.arange(len(lab)), k), lab[ind].ravel()), w.ravel())
        votes[np.arange(len(lab)), lab] += 1e-9
        lab = votes.argmax(1)
    return lab

res = {}
for f in sorted(glob.glob(sys.argv[1])):
    d = pickle.load(open(f, "rb")); est, y = d["est"], d["y"]
    E = est.embedding_.astype(np.float64); lab = est.labels_; K = est.n_clusters_
    rows = {"labels_": lab, "sf": est.sf_labels_}
    for k in (5, 10, 20, 40):
        rows[f"mode k={k}"] = mode_filter(E, lab, k)
        rows[f"mode k={k} x3"] = mode_filter(E, lab, k, 3)
    rows["kmeans from labels"] = KMeans(K, init=np.stack([E[lab == c].mean(0) for c in range(K)]), n_init=1).fit_predict(E)
    P = PCA(20, random_state=0).fit_transform(E)
    rows["gmm pca20 from labels"] = GaussianMixture(K, covariance_type="full", means_init=np.stack([P[lab == c].mean(0) for c in range(K)]), random_state=0).fit(P).predict(P)
    for r, l in rows.items():
        res.setdefault(r, []).append((acc(y, l), nmi(y, l)))
    print(f, " ".join("%s %.3f/%.3f" % (r, *res[r][-1]) for r in list(rows)[:2]), flush=True)
for r, v in res.items():
    v = np.array(v); print("%-24s %s  mean %.3f / %.3f" % (r, " ".join("%.3f/%.3f" % tuple(x) for x in v), *v.mean(0)))

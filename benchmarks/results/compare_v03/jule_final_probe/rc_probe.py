"""JULE's final re-clustering (chains, then the capped GDL merges) on its
final embedding with wider affinity graphs (20 = k_s, the default; 50,
100, 200), on the pickles of fit.py: ``python rc_probe.py "jule_*.pkl"``."""
import sys, pickle, glob
import numpy as np, torch
from skdeepcluster.graph import knn_graph, nearest_neighbor_chains
from skdeepcluster.metrics import clustering_accuracy as acc
from sklearn.metrics import normalized_mutual_info_score as nmi
res = {}
for f in sorted(glob.glob(sys.argv[1])):
    d = pickle.load(open(f, "rb")); est, y = d["est"], d["y"]
    F = torch.as_tensor(est.embedding_)
    W20, nb, sq, s2 = knn_graph(F, est.k_s, a=est.a)
    chains = nearest_neighbor_chains(nb, sq)
    row = {}
    for k in (20, 50, 100, 200):
        W = W20 if k == 20 else knn_graph(F, k, a=est.a)[0]
        lab = est._merge(W, est.n_clusters_, chains, F)
        row[k] = (acc(y, lab), nmi(y, lab))
        res.setdefault(k, []).append(row[k])
    print(f, "labels_ %.3f/%.3f" % (acc(y, est.labels_), nmi(y, est.labels_)), " ".join("k%d %.3f/%.3f" % (k, *v) for k, v in row.items()), flush=True)
for k, v in res.items():
    print(k, "mean %.3f / %.3f" % tuple(np.mean(v, 0)))

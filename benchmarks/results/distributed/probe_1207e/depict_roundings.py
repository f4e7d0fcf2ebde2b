"""Roundings of the spectral embedding of saved embeddings (depict_capture.py): k-means seeds x groups
merged by modularity; normalized cut, ACC / NMI.  python depict_roundings.py one.npz two.npz"""
import sys, numpy as np
from sklearn.cluster import KMeans
from skdeepcluster.graph import (_connectivity_neighbors,
    _spectral_embedding, _graph_of, normalized_cut, modularity_merge)
from skdeepcluster.metrics import clustering_report
for f in sys.argv[1:]:
    d = np.load(f); Z, y, seed = d["Z"], d["y"], int(d["seed"])
    r = clustering_report(y, d["labels"]); print(f, "start", round(r["ACC"], 3), round(r["NMI"], 3))
    k = 10
    nb = _connectivity_neighbors(Z, 15, "cpu"); V = _spectral_embedding(nb, k, seed); A = _graph_of(nb)
    V /= np.linalg.norm(V, axis=1, keepdims=True)
    for s in range(4):
        for g in (10, 20, 30, 40):
            lab = KMeans(g, n_init=10, random_state=seed + s).fit_predict(V)
            if g > k: lab = modularity_merge(A, lab, k)
            r = clustering_report(y, lab)
            print(f"  s{s} groups {g}: ncut {normalized_cut(A, lab):.3f} ACC {r['ACC']:.3f} NMI {r['NMI']:.3f} sizes {sorted(np.bincount(lab))[:3]}")

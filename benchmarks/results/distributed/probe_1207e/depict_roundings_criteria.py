"""As depict_roundings.py with six k-means seeds: how well the normalised cut and the modularity of a rounding track its ACC.  python depict_roundings_criteria.py one.npz two.npz"""
import sys, numpy as np
from sklearn.cluster import KMeans
from skdeepcluster.graph import (_connectivity_neighbors, _spectral_embedding, _graph_of, normalized_cut, modularity_merge)
from skdeepcluster.autok import _modularity
from skdeepcluster.metrics import clustering_report
for f in sys.argv[1:]:
    d = np.load(f); Z, y, seed = d["Z"], d["y"], int(d["seed"])
    k = 10
    nb = _connectivity_neighbors(Z, 15, "cpu"); V = _spectral_embedding(nb, k, seed); A = _graph_of(nb)
    V /= np.linalg.norm(V, axis=1, keepdims=True)
    rows = []
    for s in range(6):
        for g in (10, 20, 30, 40):
            lab = KMeans(g, n_init=10, random_state=seed + s).fit_predict(V)
            if g > k: lab = modularity_merge(A, lab, k)
            r = clustering_report(y, lab)
            rows.append((normalized_cut(A, lab), _modularity(A, lab), r["ACC"], r["NMI"]))
    rows = np.array(rows)
    print(f, "corr(ncut,ACC) %.2f corr(mod,ACC) %.2f" % (np.corrcoef(rows[:,0], rows[:,2])[0,1], np.corrcoef(rows[:,1], rows[:,2])[0,1]))
    print("  best ncut ->", rows[rows[:,0].argmin()], " best mod ->", rows[rows[:,1].argmax()], " ACC range", rows[:,2].min(), rows[:,2].max())

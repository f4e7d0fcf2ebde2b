"""Spectral roundings of saved codes (capture.py output): plain k-means and
merged roundings from 20/30/40 groups, with ACC, normalised cut and the
samples of each cluster outside its largest connected piece of the graph.

    OMP_NUM_THREADS=1 PYTHONPATH=. python round_probe3.py CODES.npz [...]
"""
import sys, numpy as np, warnings; warnings.filterwarnings("ignore")
from scipy.sparse.csgraph import connected_components
from sklearn.metrics import normalized_mutual_info_score as nmi
from sklearn.cluster import KMeans
from skdeepcluster.metrics import clustering_accuracy as acc
import skdeepcluster.graph as g
def detached(A, lab):
    tot, big = 0, 0
    for c in np.unique(lab):
        idx = np.flatnonzero(lab == c)
        n, comp = connected_components(A[idx][:, idx], directed=False)
        sizes = np.bincount(comp)
        tot += sizes.sum() - sizes.max()
        if n > 1: big = max(big, np.sort(sizes)[-2])
    return tot, big
for f in sys.argv[1:]:
    d = np.load(f); Z, y = d["Z"], d["y"]
    for seed in (0, 1, 2):
        nb = g._connectivity_neighbors(Z, 15, 'cpu')
        V = g._spectral_embedding(nb, 10, seed); A = g._graph_of(nb)
        V /= np.maximum(np.linalg.norm(V, axis=1, keepdims=True), 1e-12)
        cands = {'plain': KMeans(10, n_init=10, random_state=seed).fit_predict(V)}
        for ng in (20, 30, 40):
            cands[f'm{ng}'] = g.modularity_merge(A, KMeans(ng, n_init=10, random_state=seed).fit_predict(V), 10)
        print(f.split('/')[-1][-6:-4], seed, ' | '.join(f"{k} {acc(y,lab):.3f} {g.normalized_cut(A, lab):.3f} det {detached(A, lab)}" for k, lab in cands.items()), flush=True)

"""The same roundings as round_probe3.py scored by criteria of the code space:
inertia, silhouette (raw and L2-normalised codes), Calinski-Harabasz,
Davies-Bouldin.

    OMP_NUM_THREADS=1 PYTHONPATH=. python round_probe5.py CODES.npz [...]
"""
import sys, numpy as np, warnings; warnings.filterwarnings("ignore")
from sklearn.metrics import silhouette_score, calinski_harabasz_score, davies_bouldin_score
from sklearn.cluster import KMeans
from skdeepcluster.metrics import clustering_accuracy as acc
import skdeepcluster.graph as g
def inertia(Z, lab):
    return sum(((Z[lab == c] - Z[lab == c].mean(0))**2).sum() for c in np.unique(lab))
for f in sys.argv[1:]:
    d = np.load(f); Z, y = d["Z"], d["y"]
    Zn = Z / np.linalg.norm(Z, axis=1, keepdims=True)
    for seed in (0, 1, 2):
        nb = g._connectivity_neighbors(Z, 15, 'cpu')
        V = g._spectral_embedding(nb, 10, seed); A = g._graph_of(nb)
        V /= np.maximum(np.linalg.norm(V, axis=1, keepdims=True), 1e-12)
        cands = {'plain': KMeans(10, n_init=10, random_state=seed).fit_predict(V)}
        for ng in (20, 30, 40):
            cands[f'm{ng}'] = g.modularity_merge(A, KMeans(ng, n_init=10, random_state=seed).fit_predict(V), 10)
        print(f.split('/')[-1][-6:-4], seed, ' | '.join(f"{k} {acc(y,lab):.3f} in {inertia(Z,lab):.0f} sil {silhouette_score(Z,lab):.3f} siln {silhouette_score(Zn,lab):.3f} ch {calinski_harabasz_score(Z,lab):.0f} db {davies_bouldin_score(Z,lab):.3f}" for k, lab in cands.items()), flush=True)

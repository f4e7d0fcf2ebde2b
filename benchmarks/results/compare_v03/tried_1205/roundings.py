"""Spectral roundings of saved codes (``start70k/capture.py`` output): plain
k-means of the eigenvectors and merged roundings from 20, 30 and 40 groups
(three k-means seeds each), each with its ACC and either

* graph scores (default): normalised cut, modularity, and the samples of each cluster
  outside its largest connected piece of the graph (total, largest piece);
* ``--codes``: criteria of the code space: inertia, silhouette (raw and
  L2-normalised codes), Calinski-Harabasz, Davies-Bouldin.

    OMP_NUM_THREADS=1 PYTHONPATH=. python roundings.py [--codes] CODES.npz [...]
"""
import sys, numpy as np, warnings; warnings.filterwarnings("ignore")
from scipy.sparse.csgraph import connected_components
from sklearn.metrics import silhouette_score, calinski_harabasz_score, davies_bouldin_score
from sklearn.cluster import KMeans
from skdeepcluster.metrics import clustering_accuracy as acc
import skdeepcluster.graph as g
from skdeepcluster.autok import _modularity


def candidates(neighbors, seed):
    """The roundings of the spectral embedding of the graph of ``neighbors``."""
    V = g._spectral_embedding(neighbors, 10, seed)
    A = g._graph_of(neighbors)
    V /= np.maximum(np.linalg.norm(V, axis=1, keepdims=True), 1e-12)
    cands = {'plain': KMeans(10, n_init=10, random_state=seed).fit_predict(V)}
    for ng in (20, 30, 40):
        groups = KMeans(ng, n_init=10, random_state=seed).fit_predict(V)
        cands[f'm{ng}'] = g.modularity_merge(A, groups, 10)
    return A, cands


def detached(A, lab):
    tot, big = 0, 0
    for c in np.unique(lab):
        idx = np.flatnonzero(lab == c)
        n, comp = connected_components(A[idx][:, idx], directed=False)
        sizes = np.bincount(comp)
        tot += sizes.sum() - sizes.max()
        if n > 1: big = max(big, np.sort(sizes)[-2])
    return tot, big


def inertia(Z, lab):
    return sum(((Z[lab == c] - Z[lab == c].mean(0))**2).sum() for c in np.unique(lab))


def graph_scores(A, Z, lab):
    return f"{g.normalized_cut(A, lab):.3f} Q {_modularity(A, lab):.4f} det {detached(A, lab)}"


def code_scores(A, Z, lab):
    Zn = Z / np.linalg.norm(Z, axis=1, keepdims=True)
    return (f"in {inertia(Z, lab):.0f} sil {silhouette_score(Z, lab):.3f} "
            f"siln {silhouette_score(Zn, lab):.3f} ch {calinski_harabasz_score(Z, lab):.0f} "
            f"db {davies_bouldin_score(Z, lab):.3f}")


scores = code_scores if "--codes" in sys.argv else graph_scores
for f in (a for a in sys.argv[1:] if a != "--codes"):
    d = np.load(f); Z, y = d["Z"], d["y"]
    neighbors = g._connectivity_neighbors(Z, 15, 'cpu')
    for seed in (0, 1, 2):
        A, cands = candidates(neighbors, seed)
        print(f.split('/')[-1][-6:-4], seed, ' | '.join(
            f"{k} {acc(y, lab):.3f} {scores(A, Z, lab)}" for k, lab in cands.items()), flush=True)

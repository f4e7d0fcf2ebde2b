import numpy as np, warnings; warnings.filterwarnings("ignore")
from sklearn.datasets import make_blobs
from sklearn.cluster import KMeans
from skdeepcluster import graph
from skdeepcluster.metrics import clustering_report
X, y = make_blobs([900, 100], n_features=10, cluster_std=1.0, centers=[np.zeros(10), np.full(10, 1.2)], random_state=0)
nb = graph._connectivity_neighbors(X, 15, "cpu")
v = graph._spectral_embedding(nb, 2, 0)
A = graph._graph_of(nb)
print("vol", A.sum(), "v2 range", v[:, 0].min(), v[:, 0].max(), "std", v[:, 0].std(), "1/sqrt(vol)", 1/np.sqrt(A.sum()), "1/sqrt(n)", 1/np.sqrt(1000))
print("v2 by class: mean", [v[y == c, 0].mean() for c in (0, 1)], "std", [v[y == c, 0].std() for c in (0, 1)])
for c in (1/np.sqrt(A.sum()), 1/np.sqrt(1000), 0.0):
    span = np.hstack([np.full((1000, 1), c), v[:, :1]])
    span /= np.maximum(np.linalg.norm(span, axis=1, keepdims=True), 1e-12)
    lab = KMeans(2, n_init=10, random_state=0).fit_predict(span)
    print(f"c={c:.4f} ACC {clustering_report(y, lab)['ACC']:.3f} ncut {graph.normalized_cut(A, lab):.4f}")
lab = (v[:, 0] > 0).astype(int); print("sign of v2", clustering_report(y, lab)['ACC'], graph.normalized_cut(A, lab))
# best threshold sweep
vals = np.sort(v[:, 0]); cuts = [(graph.normalized_cut(A, (v[:, 0] > t).astype(int)), t) for t in vals[10:-10:10]]
c, t = min(cuts); print("min-ncut threshold", t, c, clustering_report(y, (v[:, 0] > t).astype(int))['ACC'])

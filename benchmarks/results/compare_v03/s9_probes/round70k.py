import sys, numpy as np, time
sys.argv += []
from sklearn.cluster import KMeans
from sklearn.manifold import spectral_embedding
from skdeepcluster.graph import connectivity_graph, modularity_merge, normalized_cut
from skdeepcluster.metrics import clustering_accuracy as acc
from sklearn.metrics import normalized_mutual_info_score as nmi
d = np.load(sys.argv[1]); y = d["y"]; Z = d[sys.argv[2] if len(sys.argv) > 2 else "Z0"]
k = 10
t = time.process_time()
A = connectivity_graph(Z, 15)
V = spectral_embedding(A, n_components=k, eigen_solver="lobpcg", random_state=0)
V /= np.linalg.norm(V, axis=1, keepdims=True)
print("eig cpu", time.process_time() - t, flush=True)
np.save(sys.argv[1].replace(".npz", "_V.npy"), V)
def rep(tag, lab):
    print(f"{tag}: acc {acc(y, lab):.3f} nmi {nmi(y, lab):.3f} ncut {normalized_cut(A, lab):.4f} sizes {sorted(np.bincount(lab))}", flush=True)
plain = KMeans(k, n_init=10, random_state=0).fit_predict(V); rep("plain", plain)
for g in (15, 20, 30, 40):
    groups = KMeans(g, n_init=10, random_state=0).fit_predict(V)
    rep(f"merge{g}", modularity_merge(A, groups, k))

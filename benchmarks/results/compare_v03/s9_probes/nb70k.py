import sys, numpy as np, time
from sklearn.cluster import KMeans
from sklearn.manifold import spectral_embedding
from skdeepcluster.graph import connectivity_graph
from skdeepcluster.metrics import clustering_accuracy as acc
from sklearn.metrics import normalized_mutual_info_score as nmi
d = np.load(sys.argv[1]); y = d["y"]; Z = d["Z0"]; k = 10
for nb in [int(a) for a in sys.argv[2:]]:
    t = time.process_time()
    A = connectivity_graph(Z, nb)
    for nc in (k, 2 * k):
        V = spectral_embedding(A, n_components=nc, eigen_solver="lobpcg", random_state=0)
        V /= np.linalg.norm(V, axis=1, keepdims=True)
        lab = KMeans(k, n_init=10, random_state=0).fit_predict(V)
        print(f"nb {nb} ncomp {nc}: acc {acc(y, lab):.3f} nmi {nmi(y, lab):.3f} sizes {sorted(np.bincount(lab))} cpu {time.process_time()-t:.0f}", flush=True)

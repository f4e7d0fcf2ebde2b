import sys, numpy as np, warnings; warnings.filterwarnings("ignore")
from sklearn.cluster import KMeans
from sklearn.metrics import normalized_mutual_info_score as nmi
from skdeepcluster import graph as g
from skdeepcluster.autok import _modularity
from skdeepcluster.metrics import clustering_accuracy as acc
from skdeepcluster.datasets import load_digits
y = load_digits().target
for f in sys.argv[1:]:
    Z = np.load(f)["Z"].astype(np.float64)
    nb = g._connectivity_neighbors(Z, 15, "cpu")
    V = g._spectral_embedding(nb, 10, 0); A = g._graph_of(nb)
    V /= np.maximum(np.linalg.norm(V, axis=1, keepdims=True), 1e-12)
    for s in range(4):
        p = KMeans(10, n_init=10, random_state=s).fit_predict(V)
        out = [f"plain {acc(y,p):.3f}/{nmi(y,p):.3f} cut {g.normalized_cut(A,p):.3f} Q {_modularity(A,p):.3f}"]
        for fac in (1.5, 2, 3):
            gr = KMeans(int(round(fac*10)), n_init=10, random_state=s).fit_predict(V)
            m = g.modularity_merge(A, gr, 10)
            out.append(f"x{fac} {acc(y,m):.3f}/{nmi(y,m):.3f} cut {g.normalized_cut(A,m):.3f} Q {_modularity(A,m):.3f}")
        print(f.split('/')[-1], s, " | ".join(out), flush=True)

import sys, numpy as np, warnings
warnings.filterwarnings("ignore")
sys.path.insert(0, "/work/main/benchmarks")
from bench_init import labelled_sets
from sklearn.cluster import KMeans
from skdeepcluster.graph import spectral_clustering, connectivity_graph, normalized_cut, SPECTRAL_NEIGHBORS
from skdeepcluster.metrics import clustering_accuracy as acc
only = sys.argv[1:] 
for kind, name, X, y in labelled_sets():
    if only and kind not in only: continue
    k = len(np.unique(y)); n = len(X)
    A = connectivity_graph(X, max(1, min(SPECTRAL_NEIGHBORS, n // (2 * k))))
    out = []
    for s in (0, 1, 2):
        sp_ = spectral_clustering(X, k, random_state=s)
        km = KMeans(k, n_init=10, random_state=s).fit_predict(X)
        out.append((acc(y, sp_), acc(y, km), normalized_cut(A, sp_), normalized_cut(A, km)))
    o = np.array(out).mean(0)
    print(f"{kind:12s} {name:28s} spectral {o[0]:.3f} kmeans {o[1]:.3f}  ncut sp {o[2]:.3f} km {o[3]:.3f}  ratio {o[3]/o[2]:.2f}", flush=True)

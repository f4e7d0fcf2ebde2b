import sys, math, numpy as np, torch, warnings; warnings.filterwarnings("ignore"); torch.set_num_threads(1)
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.graph import knn_graph, nearest_neighbor_chains, gdl_agglomerative
from skdeepcluster.metrics import clustering_report
c = load_fortunes_tfidf(); X = torch.as_tensor(c.data / np.abs(c.data).max(), dtype=torch.float32); y = c.target; k = 5; n = len(y)
for ks in [20, 50]:
    W, nb, sq, s2 = knn_graph(X, ks)
    chains = nearest_neighbor_chains(nb, sq)
    for cap in [None, 1.5, 2.0]:
        lab = gdl_agglomerative(W, k, chains, n_cluster_neighbors=5, lambda_=1.0, features=X,
                                max_size=None if cap is None else math.ceil(cap * n / k), min_size=math.ceil(0.1 * n / k))
        r = clustering_report(y, lab); print(ks, cap, f"{r['ACC']:.3f} / {r['NMI']:.3f}", np.bincount(lab))

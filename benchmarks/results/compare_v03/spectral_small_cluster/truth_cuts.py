"""Exploratory: the normalised cut of the true partition of two Gaussians of 900 and 100
rows against spectral_clustering's, with and without the merged rounding."""
import numpy as np, warnings; warnings.filterwarnings("ignore")
from sklearn.datasets import make_blobs
from skdeepcluster import graph
from skdeepcluster.metrics import clustering_report
import scipy.sparse as sp
for d, gap in ((10, 6), (100, 10)):
    X, y = make_blobs([900, 100], n_features=d, cluster_std=1.0, centers=[np.zeros(d), np.full(d, gap / np.sqrt(d))], random_state=0)
    A = graph.connectivity_graph(X, 15)
    A = sp.coo_matrix(A)
    cross = (y[A.row] != y[A.col]).sum()
    print(d, gap, "edges", A.nnz, "cross", cross, "ncut truth", round(graph.normalized_cut(A, y), 4))
    for ov in ((), (3,)):
        lab = graph.spectral_clustering(X, 2, oversegment=ov, random_state=0)
        print("   oversegment", ov, "ACC", round(clustering_report(y, lab)["ACC"], 3), "ncut", round(graph.normalized_cut(A, lab), 4), np.bincount(lab))

import sys, numpy as np, warnings; warnings.filterwarnings("ignore")
from pathlib import Path; sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from compare import load
from skdeepcluster.base import initial_clustering
from skdeepcluster.metrics import clustering_accuracy as acc
from sklearn.cluster import KMeans
for name in ["iris", "wine", "breast_cancer"]:
    b = load(name); X = b.data.astype(np.float64); y = b.target
    Xm = (X - X.min()) / (X.max() - X.min())
    for lab, Z in [("std", X), ("minmax", Xm)]:
        r = [acc(y, initial_clustering(Z, b.n_clusters, "spectral", np.random.RandomState(s))) for s in range(3)]
        k = [acc(y, KMeans(b.n_clusters, n_init=10, random_state=s).fit_predict(Z)) for s in range(3)]
        print(name, lab, "spectral", np.round(r, 3), "kmeans", np.round(k, 3))

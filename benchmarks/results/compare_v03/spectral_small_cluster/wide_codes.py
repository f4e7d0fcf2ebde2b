import numpy as np, warnings, torch; warnings.filterwarnings("ignore"); torch.set_num_threads(1)
from sklearn.datasets import make_blobs
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
import skdeepcluster as sk
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.metrics import clustering_report
d, gap = 100, 6.0
X, y = make_blobs([900, 100], n_features=d, cluster_std=1.0, centers=[np.zeros(d), np.full(d, gap / np.sqrt(d))], random_state=0)
acc = lambda l: round(clustering_report(y, l)["ACC"], 3)
print("input: spectral", acc(spectral_clustering(X, 2, random_state=0)), "kmeans", acc(KMeans(2, n_init=10, random_state=0).fit_predict(X)))
for m in ("DEPICTClustering", "DAMICClustering"):
    e = getattr(sk, m)(2, random_state=0).fit(X)
    Z = e.transform(X)
    print(m, "init_on", e.init_on_, "scaling", e.scaling_, "code dim", Z.shape[1], "kmeans(codes)", acc(KMeans(2, n_init=10, random_state=0).fit_predict(Z)),
          "spectral(codes)", acc(spectral_clustering(Z.astype(np.float64), 2, random_state=0)), "PCA1 of codes kmeans", acc(KMeans(2, n_init=10, random_state=0).fit_predict(PCA(1).fit_transform(Z))))

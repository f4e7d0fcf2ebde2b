"""Tried and not kept (issue 14, goal 1's Fashion-MNIST NMI of
DiscriminativeLatentClustering): other clusterings of its *final* codes.
Fits the estimator with its defaults on the Fashion-MNIST test split (flat
rows divided by 255, one thread, the given seed), then clusters
``transform(X)`` by the package's spectral clustering (raw and
L2-normalised rows), k-means of the normalised rows, and UMAP (10
neighbours, ``min_dist=0``, 10 dimensions) with a full-covariance Gaussian
mixture (N2D's recipe; needs umap-learn)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/tried_1206c/ddlsc_final_codes.py 0 > benchmarks/results/compare_v03/tried_1206c/ddlsc_final_codes.txt
"""
import sys, time, warnings
import numpy as np
warnings.filterwarnings("ignore")
import torch
from sklearn.cluster import KMeans
from sklearn.mixture import GaussianMixture
from sklearn.preprocessing import normalize
from skdeepcluster import DiscriminativeLatentClustering
from skdeepcluster.datasets import load_dataset
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.metrics import clustering_report

torch.set_num_threads(1)
seed = int(sys.argv[1])
data = load_dataset("fashion_mnist")
X, y = data.data / 255.0, data.target
start = time.process_time()
model = DiscriminativeLatentClustering(10, random_state=seed).fit(X)
print(f"fit {time.process_time() - start:.1f} s CPU", flush=True)
Z = model.transform(X).astype(np.float64)


def umap_gmm(rows):
    import umap
    embedded = umap.UMAP(n_neighbors=10, min_dist=0.0, n_components=10, random_state=seed).fit_transform(rows)
    return GaussianMixture(10, covariance_type="full", random_state=seed).fit_predict(embedded)


for name, cluster in [("labels_", lambda: model.labels_),
                      ("spectral", lambda: spectral_clustering(Z, 10, random_state=seed)),
                      ("spectral, normalised rows", lambda: spectral_clustering(normalize(Z), 10, random_state=seed)),
                      ("k-means, normalised rows", lambda: KMeans(10, n_init=10, random_state=seed).fit_predict(normalize(Z))),
                      ("UMAP + GMM", lambda: umap_gmm(normalize(Z)))]:
    start = time.process_time()
    report = clustering_report(y, cluster())
    print(f"{name:26s} ACC / NMI / ARI {report['ACC']:.3f} / {report['NMI']:.3f} / {report['ARI']:.3f}"
          f"  {time.process_time() - start:.1f} s CPU", flush=True)

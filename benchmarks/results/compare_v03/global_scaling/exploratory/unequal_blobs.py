"""Exploratory (doc/results.rst, goal 4 paragraph): 6 Gaussian blobs of 50
to 1,600 points and unequal spreads in 3 features, seed 0; ARI of k-means,
spectral clustering, a Gaussian mixture and each estimator with
n_clusters alone::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/global_scaling/exploratory/unequal_blobs.py > benchmarks/results/compare_v03/global_scaling/exploratory/unequal_blobs.txt
"""
import warnings

import torch
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score as ari
from sklearn.mixture import GaussianMixture

import skdeepcluster
from skdeepcluster.graph import spectral_clustering

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
X, y = make_blobs([50, 100, 200, 400, 800, 1600], n_features=3,
                  cluster_std=[0.5, 1, 1.5, 1, 0.8, 2], random_state=3)
print(f"k-means {ari(y, KMeans(6, n_init=10, random_state=0).fit_predict(X)):.3f}")
print(f"spectral {ari(y, spectral_clustering(X, 6, random_state=0)):.3f}")
print(f"gmm {ari(y, GaussianMixture(6, random_state=0, n_init=5).fit_predict(X)):.3f}")
for name in ("DEPICTClustering", "JULEClustering", "DAMICClustering",
             "DiscriminativeLatentClustering"):
    print(f"{name} {ari(y, getattr(skdeepcluster, name)(6, random_state=0).fit_predict(X)):.3f}",
          flush=True)

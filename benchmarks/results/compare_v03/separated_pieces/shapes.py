"""scikit-learn's demonstration shapes (moons, circles, anisotropic and unequal-spread blobs): ARI of k-means and of each estimator built with n_clusters alone, mean of seeds 0 and 1 (doc/results.rst, results_separated_pieces).

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/separated_pieces/shapes.py > benchmarks/results/compare_v03/separated_pieces/shapes.txt
"""
import sys, numpy as np, torch, warnings; warnings.filterwarnings("ignore"); torch.set_num_threads(1)
from sklearn.datasets import make_blobs, make_moons, make_circles
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score as ari
import skdeepcluster as sk
sets = {}
sets["moons"] = make_moons(1000, noise=0.05, random_state=0)
sets["circles"] = make_circles(1000, noise=0.05, factor=0.5, random_state=0)
X, y = make_blobs(900, centers=3, random_state=170); sets["aniso"] = (X @ np.array([[0.6, -0.6], [-0.4, 0.8]]), y)
sets["varied"] = make_blobs(900, centers=3, cluster_std=[1.0, 2.5, 0.5], random_state=170)
for name, (X, y) in sets.items():
    k = len(np.unique(y)); line = f"{name:8s} kmeans {ari(y, KMeans(k, n_init=10, random_state=0).fit_predict(X)):.3f}"
    for m in ["DEPICTClustering", "JULEClustering", "DAMICClustering", "DiscriminativeLatentClustering"]:
        line += f" {m[:5]} {np.mean([ari(y, getattr(sk, m)(k, random_state=s).fit_predict(X)) for s in [0, 1]]):.3f}"
    print(line, flush=True)

"""Exploratory: the starts of narrow inputs on held-out tables. k-means (10
initialisations), the package's spectral clustering (the start that DEPICT and
DAMIC make on inputs of at most 62 features) and a full-covariance Gaussian
mixture, each on the same standardised rows, seeds 0-2::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/mixture_start/starts.py /tmp/mlbench > benchmarks/results/compare_v03/mixture_start/starts.txt
"""
import os, sys, warnings
import numpy as np
warnings.filterwarnings("ignore")
from sklearn.cluster import KMeans
from sklearn.datasets import load_breast_cancer, load_iris, load_wine
from sklearn.mixture import GaussianMixture
from sklearn.preprocessing import StandardScaler
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.metrics import clustering_report

sys.path.insert(0, os.path.dirname(__file__))
from probe import load  # noqa: E402  (reads argv[1] as the folder)
from sklearn.metrics import silhouette_score
from skdeepcluster.graph import connectivity_graph, normalized_cut

folder = sys.argv[1]
sets = sys.argv[2].split(",") if len(sys.argv) > 2 else [
    "iris", "wine", "breast_cancer", "Glass", "Ionosphere", "Sonar", "Vehicle", "Vowel",
    "PimaIndiansDiabetes", "Zoo", "Satellite", "LetterRecognition"]
SKLEARN = {"iris": load_iris, "wine": load_wine, "breast_cancer": load_breast_cancer}
for name in sets:
    if name in SKLEARN:
        d = SKLEARN[name]()
        X, y = StandardScaler().fit_transform(d.data), d.target
    else:
        X, y = load(folder, name)
    X = X.astype(np.float64)
    k = len(np.unique(y))
    A = connectivity_graph(X, 15)
    for method in ("kmeans", "spectral", "gmm"):
        for seed in (0, 1, 2):
            if method == "kmeans":
                labels = KMeans(k, n_init=10, random_state=seed).fit_predict(X)
            elif method == "spectral":
                labels = spectral_clustering(X, k, random_state=seed)
            else:
                labels = GaussianMixture(k, covariance_type="full", random_state=seed).fit_predict(X)
            r = clustering_report(y, labels)
            sub = np.random.RandomState(0).permutation(len(X))[:5000]
            sil = silhouette_score(X[sub], labels[sub]) if len(np.unique(labels)) > 1 else float("nan")
            print(f"{name:20s} {method:8s} seed {seed}: {r['ACC']:.3f} / {r['NMI']:.3f}  "
                  f"silhouette {sil:.3f}  ncut {normalized_cut(A, labels):.3f}", flush=True)

"""Exploratory (doc/results.rst, results_sparse_kind): spectral clustering of UMAP's fuzzy graph, of our 10/15-NN graph, and UMAP + GMM / k-means on the held-out text (argv 1: held) or the fortunes set."""
import numpy as np, warnings, sys, time; warnings.filterwarnings("ignore")
import scipy.sparse as sp
from sklearn.cluster import KMeans
from sklearn.manifold import spectral_embedding
from sklearn.mixture import GaussianMixture
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.metrics import clustering_report
import umap
from umap.umap_ import fuzzy_simplicial_set
from sklearn.utils import check_random_state
which = sys.argv[1]
cats = ("art", "computers", "education", "politics", "science") if which == "held" else None
c = load_fortunes_tfidf(cats) if cats else load_fortunes_tfidf()
X, y = c.data, c.target; k = len(np.unique(y))
def rep(name, lab):
    r = clustering_report(y, lab); print(f"{name:40s} {r['ACC']:.3f} / {r['NMI']:.3f}  sizes {sorted(np.bincount(lab))}", flush=True)
for nn in (10, 15):
    G, _, _ = fuzzy_simplicial_set(X, nn, check_random_state(0), "euclidean")
    G = sp.csr_matrix(G)
    E = spectral_embedding(G, n_components=k, random_state=0, drop_first=False)
    En = E / np.linalg.norm(E, axis=1, keepdims=True)
    rep(f"fuzzy{nn} spectral kmeans", KMeans(k, n_init=10, random_state=0).fit_predict(En))
    rep(f"fuzzy{nn} spectral gmm", GaussianMixture(k, covariance_type="full", random_state=0).fit_predict(E))
    rep(f"ours spectral nn{nn}", spectral_clustering(X, k, n_neighbors=nn, random_state=0))
for s in (0,):
    E = umap.UMAP(n_neighbors=10, min_dist=0.0, n_components=k, random_state=s).fit_transform(X)
    rep("umap gmm", GaussianMixture(k, covariance_type="full", random_state=s).fit_predict(E))
    rep("umap kmeans", KMeans(k, n_init=10, random_state=s).fit_predict(E))
    E2 = umap.UMAP(n_neighbors=10, min_dist=0.0, n_components=k, random_state=s, init="random").fit_transform(X)
    rep("umap(random init) gmm", GaussianMixture(k, covariance_type="full", random_state=s).fit_predict(E2))

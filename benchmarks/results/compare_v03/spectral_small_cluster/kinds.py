"""Exploratory: synthetic kinds of data that no table names, each estimator with
n_clusters alone (seeds 0, 1) next to k-means and UMAP + GMM (seed 0, 1)."""
import sys, time, warnings, numpy as np
warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
from sklearn.datasets import make_blobs
from sklearn.cluster import KMeans
from sklearn.mixture import GaussianMixture
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_report

def sets():
    rs = np.random.RandomState(0)
    X, y = make_blobs([900, 100], n_features=10, cluster_std=1.0, centers=[np.zeros(10), np.full(10, 1.2)], random_state=0)
    yield "imbalanced 90/10 10-D", X, y
    X, y = make_blobs([800, 150, 50], n_features=5, cluster_std=1.0, random_state=2)
    yield "imbalanced 80/15/5 5-D", X, y
    rates = rs.gamma(2.0, 2.0, size=(4, 50))
    y = rs.randint(0, 4, 1200); X = rs.poisson(rates[y]).astype(float)
    yield "Poisson counts 4x50", X, y
    prof = rs.beta(0.5, 0.5, size=(3, 30))
    y = rs.randint(0, 3, 900); X = (rs.rand(900, 30) < prof[y]).astype(float)
    yield "Bernoulli 3x30", X, y
    X, y = make_blobs(950, n_features=8, centers=4, cluster_std=1.5, random_state=5)
    out = rs.uniform(X.min(0), X.max(0), size=(50, 8))
    yo = KMeans(4, n_init=10, random_state=0).fit(X).predict(out)  # outliers labelled by nearest centre
    yield "blobs + 5% outliers", np.vstack([X, out]), np.concatenate([y, yo])
    X, y = make_blobs(900, n_features=2, centers=3, random_state=170)
    X = X @ np.array([[0.6, -0.64], [-0.41, 0.85]])
    yield "anisotropic 2-D", X, y
    X, y = make_blobs(1000, n_features=10, centers=5, cluster_std=1.0, random_state=7)
    yield "mixed scales 10-D", X * np.logspace(0, 3, 10), y

methods = sys.argv[1].split(",") if len(sys.argv) > 1 else ["DEPICTClustering", "JULEClustering", "DAMICClustering", "DiscriminativeLatentClustering"]
import umap
for name, X, y in sets():
    k = len(np.unique(y))
    def rep(tag, labs, cpu):
        rr = [clustering_report(y, l) for l in labs]
        print(f"  {tag:32s} ACC {np.mean([r['ACC'] for r in rr]):.3f} NMI {np.mean([r['NMI'] for r in rr]):.3f} ARI {np.mean([r['ARI'] for r in rr]):.3f}  ({', '.join('%.3f' % r['ACC'] for r in rr)}) {cpu:.1f} s", flush=True)
    print(f"{name}: {X.shape}, k={k}, sizes {np.bincount(y).tolist()}", flush=True)
    t = time.process_time(); rep("k-means", [KMeans(k, n_init=10, random_state=s).fit_predict(X) for s in (0, 1)], time.process_time() - t)
    from sklearn.preprocessing import StandardScaler
    Xs = StandardScaler().fit_transform(X)
    t = time.process_time(); rep("k-means standardised", [KMeans(k, n_init=10, random_state=s).fit_predict(Xs) for s in (0, 1)], time.process_time() - t)
    t = time.process_time()
    rep("UMAP + GMM", [GaussianMixture(k, covariance_type="full", random_state=s).fit_predict(
        umap.UMAP(n_neighbors=10, min_dist=0.0, n_components=k, random_state=s).fit_transform(X)) for s in (0, 1)], time.process_time() - t)
    for m in methods:
        t = time.process_time()
        rep(m, [getattr(sk, m)(k, random_state=s).fit(X).labels_ for s in (0, 1)], time.process_time() - t)

"""Each method with its defaults, k-means and UMAP + GMM on the tf-idf rows of the
fortunes corpus (doc/results.rst, results_sparse_kind); used for the figures before
the sparse kind (at commit 27cc81d):

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/sparse_kind/text_probe.py depict,jule 0,1,2
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/sparse_kind/text_probe.py kmeans,umapgmm,ddlsc,damic 0,1,2

An optional third argument is a JSON of estimator parameters.
"""
import sys, time, warnings, numpy as np, torch; warnings.filterwarnings("ignore"); torch.set_num_threads(1)
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.cluster import KMeans
from sklearn.mixture import GaussianMixture
import skdeepcluster as sk
from skdeepcluster.datasets import load_fortunes
from skdeepcluster.metrics import clustering_report
c = load_fortunes(); y = c.target; k = len(c.target_names)
Xs = TfidfVectorizer(max_features=2000, stop_words="english", sublinear_tf=True).fit_transform(c.data)
X = Xs.toarray().astype(np.float32)
print(X.shape, k, flush=True)
methods = sys.argv[1].split(","); seeds = [int(s) for s in sys.argv[2].split(",")]
params = {} if len(sys.argv) < 4 else __import__("json").loads(sys.argv[3])
for m in methods:
    res = []
    for seed in seeds:
        t = time.process_time()
        if m == "kmeans": lab = KMeans(k, n_init=10, random_state=seed).fit_predict(X)
        elif m == "umapgmm":
            import umap
            E = umap.UMAP(n_neighbors=10, min_dist=0.0, n_components=k, random_state=seed).fit_transform(X)
            lab = GaussianMixture(k, covariance_type="full", random_state=seed).fit_predict(E)
        else:
            cls = {"depict": sk.DEPICTClustering, "jule": sk.JULEClustering, "damic": sk.DAMICClustering, "ddlsc": sk.DiscriminativeLatentClustering}[m]
            est = cls(n_clusters=k, random_state=seed, **params).fit(X); lab = est.labels_
        r = clustering_report(y, lab); res.append((r["ACC"], r["NMI"], r["ARI"], time.process_time() - t))
        print(f"  {m} seed {seed}: {r['ACC']:.3f} / {r['NMI']:.3f} / {r['ARI']:.3f}  {res[-1][3]:.1f}s", flush=True)
    print(f"{m:8s} mean ACC/NMI/ARI {np.mean(res, 0).round(3)}", flush=True)

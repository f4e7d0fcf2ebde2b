"""Exploratory: a method (defaults) on the 2,985 held-out texts of results_sparse_kind
that have a word (their 62 all-zero tf-idf rows left out); prints the estimator's start
where it has one, then ACC / NMI / ARI and CPU seconds::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/tried_1205b/heldout_nonzero.py depict|ddlsc|jule|damic|kmeans|spectral SEED [PARAMS_JSON]
"""
import sys, time, json, warnings, numpy as np, torch
warnings.filterwarnings("ignore")
torch.set_num_threads(1)
from skdeepcluster.__main__ import METHODS
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report
c = load_fortunes_tfidf(("art", "computers", "education", "politics", "science"))
X, y = c.data, c.target
nz = X.sum(1) > 0
X, y = X[nz], y[nz]
method, seed = sys.argv[1], int(sys.argv[2])
params = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
t = time.process_time()
if method == "spectral":
    from skdeepcluster.graph import spectral_clustering
    lab = spectral_clustering(X.astype(np.float64), 5, random_state=seed, **params)
elif method == "kmeans":
    from sklearn.cluster import KMeans
    lab = KMeans(5, n_init=10, random_state=seed).fit_predict(X)
else:
    m = METHODS[method](5, random_state=seed, **params).fit(X)
    lab = m.labels_
    if hasattr(m, "init_labels_"):
        print("start", {k: round(v, 3) for k, v in clustering_report(y, m.init_labels_).items()})
print(method, seed, params, {k: round(v, 3) for k, v in clustering_report(y, lab).items()}, round(time.process_time() - t, 1), flush=True)

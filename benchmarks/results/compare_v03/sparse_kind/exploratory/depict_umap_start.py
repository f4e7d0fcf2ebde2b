"""Exploratory (2026-12-04): DEPICT on text started from N2D's recipe on its input.

``init`` is UMAP (10 neighbours, ``min_dist=0``, n_clusters dimensions) then a
full-covariance Gaussian mixture, applied to the scaled tf-idf rows (the sparse
kind starts on the input, ``init_on="auto"``). Prints the start's ACC / NMI and
``labels_``' ACC / NMI / ARI. Needs umap-learn. From the repository root::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/sparse_kind/exploratory/depict_umap_start.py heldout depict 0
    # WHICH: fortunes (the five categories of load_fortunes_tfidf) or heldout; METHOD: depict or damic
"""
import sys, time, warnings, numpy as np, torch
warnings.filterwarnings("ignore"); torch.set_num_threads(1)
from sklearn.pipeline import make_pipeline
from sklearn.mixture import GaussianMixture
import umap, skdeepcluster as sk
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report
which, method, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
cats = ("art", "computers", "education", "politics", "science") if which == "heldout" else None
c = load_fortunes_tfidf(cats) if cats else load_fortunes_tfidf()
X, y = c.data, c.target; k = len(np.unique(y))
init = make_pipeline(umap.UMAP(n_neighbors=10, min_dist=0.0, n_components=k, random_state=seed),
                     GaussianMixture(k, covariance_type="full", random_state=seed))
E = {"depict": sk.DEPICTClustering, "damic": sk.DAMICClustering}[method]
t = time.process_time()
m = E(k, init=init, random_state=seed).fit(X)
r0 = clustering_report(y, m.init_labels_); r = clustering_report(y, m.labels_)
print(which, method, seed, "start %.3f/%.3f" % (r0["ACC"], r0["NMI"]), "final %.3f/%.3f/%.3f" % (r["ACC"], r["NMI"], r["ARI"]), "%.1fs" % (time.process_time()-t), flush=True)

"""Held-out text of the sparse kind (doc/results.rst, results_sparse_kind): five other
categories of the fortunes corpus (art, computers, education, politics, science; 3,047
texts), tf-idf by datasets.load_fortunes_tfidf, each method with its defaults
next to k-means and UMAP + GMM::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/sparse_kind/heldout_text.py depict,ddlsc,jule,kmeans,umapgmm 0,1,2 [PARAMS_JSON]

Prints ACC / NMI / ARI and CPU seconds per seed, then the means.
"""
import json, os, sys, time, warnings
import numpy as np, torch
warnings.filterwarnings("ignore")
torch.set_num_threads(1)
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
from compare import cluster  # noqa: E402

CATEGORIES = ("art", "computers", "education", "politics", "science")
corpus = load_fortunes_tfidf(CATEGORIES)
X, y, k = corpus.data, corpus.target, len(CATEGORIES)
print(f"# {CATEGORIES}: {X.shape}, zeros {np.mean(X == 0):.4f}", flush=True)
methods, seeds = sys.argv[1].split(","), [int(s) for s in sys.argv[2].split(",")]
params = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
#: This script's method names of compare.py's peers.
PEER_NAMES = {"kmeans": "k-means", "umapgmm": "umap-gmm"}
for method in methods:
    rows = []
    for seed in seeds:
        start = time.process_time()
        labels = cluster(PEER_NAMES.get(method, method), X, k, seed, params)
        r = clustering_report(y, labels)
        rows.append((r["ACC"], r["NMI"], r["ARI"], time.process_time() - start))
        print(f"  {method} {params or ''} seed {seed}: {r['ACC']:.3f} / {r['NMI']:.3f} / {r['ARI']:.3f}"
              f"  {rows[-1][3]:.1f} s CPU", flush=True)
    acc, nmi, ari, cpu = np.mean(rows, axis=0)
    print(f"{method:8s} {params or ''} mean ACC / NMI / ARI {acc:.3f} / {nmi:.3f} / {ari:.3f}, {cpu:.1f} s CPU",
          flush=True)

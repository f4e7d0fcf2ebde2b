"""n_clusters="auto" on the fortunes tf-idf, seed 0, the defaults (output: ../auto_k_seed0.txt)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/sparse_kind/exploratory/auto_k_text.py
"""
import time
import warnings

from skdeepcluster import DEPICTClustering, DiscriminativeLatentClustering
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report

warnings.filterwarnings("ignore")
d = load_fortunes_tfidf()
for E in (DEPICTClustering, DiscriminativeLatentClustering):
    t = time.process_time()
    m = E("auto", random_state=0, device="cpu").fit(d.data)
    print(E.__name__, "auto seed 0: k =", m.n_clusters_, clustering_report(d.target, m.labels_),
          round(time.process_time() - t, 1), "s CPU", flush=True)

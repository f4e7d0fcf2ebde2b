"""Exploratory (2026-12-04): JULE on the fortunes tf-idf rows with one parameter changed.

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/sparse_kind/exploratory/jule_text_knobs.py fortunes 0,1 '{}' '{"k_s": 50}' ...

Prints the mean ACC / NMI over the seeds, ACC per seed and CPU seconds a fit.
"""
import sys, json, time, warnings, numpy as np, torch
warnings.filterwarnings("ignore"); torch.set_num_threads(1)
import skdeepcluster as sk
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report
which = sys.argv[1]; seeds = [int(s) for s in sys.argv[2].split(",")]
cats = ("art", "computers", "education", "politics", "science") if which == "heldout" else None
c = load_fortunes_tfidf(cats) if cats else load_fortunes_tfidf()
X, y = c.data, c.target; k = len(np.unique(y))
for p in sys.argv[3:]:
    params = json.loads(p); res = []
    for s in seeds:
        t = time.process_time(); m = sk.JULEClustering(k, random_state=s, **params).fit(X)
        r = clustering_report(y, m.labels_); res.append((r["ACC"], r["NMI"], time.process_time() - t))
    a = np.mean(res, 0)
    print(f"{which} {p:55s} {a[0]:.3f} / {a[1]:.3f}  [{' '.join('%.2f' % r[0] for r in res)}] {a[2]:.1f}s", flush=True)

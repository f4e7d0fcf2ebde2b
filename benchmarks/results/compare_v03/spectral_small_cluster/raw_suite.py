"""Exploratory: the spectral start's eigenvector variants (variants.py) on
bench_init.py's labelled sets of other kinds, the default rounding, seeds 0-2.
    python raw_suite.py current,njw,rw > out.txt"""
import sys, os, time, numpy as np, warnings; warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE); sys.path.insert(0, os.path.join(HERE, "..", "..", ".."))
import variants  # noqa
from bench_init import labelled_sets
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.metrics import clustering_report
names = sys.argv[1].split(",")
by_kind = {}
for kind, name, X, y in labelled_sets():
    k = len(np.unique(y))
    X = np.asarray(X, dtype=np.float64)
    row = []
    for v in names:
        os.environ["SPECTRAL_VARIANT"] = v
        t = time.process_time()
        s = [clustering_report(y, spectral_clustering(X, k, random_state=seed)) for seed in (0, 1, 2)]
        row.append((np.mean([r["ACC"] for r in s]), np.mean([r["NMI"] for r in s]), time.process_time() - t))
    by_kind.setdefault(kind, []).append(row)
    print(f"{kind:12s} {name:30s} {k:3d}  " + "   ".join(f"{v} {a:.3f} / {n:.3f}" for v, (a, n, c) in zip(names, row)), flush=True)
print("means per kind")
for kind, rows in by_kind.items():
    m = np.mean([[r[i][0] for i in range(len(names))] for r in rows], axis=0)
    n = np.mean([[r[i][1] for i in range(len(names))] for r in rows], axis=0)
    print(f"{kind:12s} {len(rows):3d} sets  " + "   ".join(f"{v} {a:.3f} / {b:.3f}" for v, a, b in zip(names, m, n)))
allrows = [r for rows in by_kind.values() for r in rows]
print("all", len(allrows), "   ".join(f"{v} {np.mean([r[i][0] for r in allrows]):.3f} / {np.mean([r[i][1] for r in allrows]):.3f}" for i, v in enumerate(names)))

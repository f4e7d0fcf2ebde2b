"""Exploratory: spectral_clustering with the NJW-span candidate picked by
normalised cut (variants.spectral_pick) against the package's, on bench_init.py's
labelled sets and on 90/10 Gaussians. python raw_pick.py 0,1"""
import sys, os, numpy as np, warnings; warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE); sys.path.insert(0, os.path.join(HERE, "..", "..", ".."))
import variants  # noqa
from bench_init import labelled_sets
from skdeepcluster.metrics import clustering_report
modes = sys.argv[1].split(",")
from raw_pick_sets import extra  # noqa: E402
by_kind = {}
import itertools
for kind, name, X, y in itertools.chain(extra(), labelled_sets()):
    k = len(np.unique(y)); X = np.asarray(X, dtype=np.float64)
    row = []
    for m in modes:
        os.environ["SPECTRAL_PICK"] = m
        s = [clustering_report(y, variants.spectral_pick(X, k, random_state=seed)) for seed in (0, 1, 2)]
        row.append((np.mean([r["ACC"] for r in s]), np.mean([r["NMI"] for r in s])))
    by_kind.setdefault(kind, []).append(row)
    print(f"{kind:12s} {name:30s} {k:3d}  " + "   ".join(f"{m} {a:.3f} / {n:.3f}" for m, (a, n) in zip(modes, row)), flush=True)
print("means per kind")
for kind, rows in by_kind.items():
    print(f"{kind:12s} {len(rows):3d} sets  " + "   ".join(f"{m} {np.mean([r[i][0] for r in rows]):.3f} / {np.mean([r[i][1] for r in rows]):.3f}" for i, m in enumerate(modes)))

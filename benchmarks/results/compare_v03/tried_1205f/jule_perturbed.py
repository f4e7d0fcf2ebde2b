"""JULE on the digits, seeds 0-5, one process, with the pixels as they are (EPS 0) or plus uniform noise in [0, EPS): ACC / NMI and cluster sizes (doc/large_data.rst).

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/tried_1205f/jule_perturbed.py THREADS EPS
"""
import sys, time, numpy as np, torch, warnings; warnings.filterwarnings("ignore")
torch.set_num_threads(int(sys.argv[1]))
from sklearn.datasets import load_digits
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_report
X, y = load_digits(return_X_y=True); X = X / 16
eps = float(sys.argv[2])
for s in range(6):
    Xs = X + eps * np.random.RandomState(100 + s).rand(*X.shape) if eps else X
    t = time.time(); m = sk.JULEClustering(10, random_state=s).fit(Xs)
    r = clustering_report(y, m.labels_)
    print(f"threads {sys.argv[1]} eps {eps} seed {s}: {r['ACC']:.3f} / {r['NMI']:.3f}  sizes {np.sort(np.bincount(m.labels_))} {time.time()-t:.1f}s", flush=True)

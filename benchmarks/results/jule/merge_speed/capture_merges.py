"""Capture the arguments of every merge of a JULE fit (a dataset of
``load_dataset`` as flat rows, default the Fashion-MNIST test split; seed 0,
defaults) and time them in the fit.

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/jule/merge_speed/capture_merges.py /tmp/gdl_calls_10k.pkl
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/jule/merge_speed/capture_merges.py /tmp/gdl_calls_digits.pkl digits
"""
import pickle, time, numpy as np, sys
import skdeepcluster.jule as J
from skdeepcluster import JULEClustering
from skdeepcluster.datasets import load_dataset
calls = []
orig = J.gdl_agglomerative
def rec(W, n, labels, **kw):
    t = time.perf_counter()
    out = orig(W, n, labels.copy(), **kw)
    dt = time.perf_counter() - t
    kw2 = dict(kw); f = kw2.pop("features")
    calls.append((W, n, np.array(labels), kw2, None if f is None else np.asarray(f), out, dt))
    return out
J.gdl_agglomerative = rec
d = load_dataset(sys.argv[2] if len(sys.argv) > 2 else "fashion_mnist")
X = np.asarray(d.data, dtype=np.float32).reshape(len(d.data), -1)
t = time.time()
est = JULEClustering(n_clusters=10, random_state=0, device="cpu").fit(X)
print("fit", time.time() - t, "merge s", sum(c[-1] for c in calls))
pickle.dump(calls, open(sys.argv[1], "wb"))
for c in calls: print(c[0].shape, c[0].nnz, c[1], c[2].max() + 1, c[3], round(c[-1], 3))

"""Exploratory: whole fits (defaults, n_clusters alone) with spectral_clustering
patched (variants.spectral_pick; SPECTRAL_PICK=0 is the package's), the
ratio of the candidate's cut printed at every call:
    SPECTRAL_PICK=0.6 PICK_VERBOSE=1 python fits.py SET METHODS SEEDS"""
import sys, os, time, numpy as np, warnings; warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
import torch; torch.set_num_threads(1)
sys.path.insert(0, HERE); sys.path.insert(0, os.path.join(HERE, "..", "..", ".."))
import variants  # noqa
from raw_pick_sets import extra
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_report
def get(name):
    if name == "digits":
        from sklearn.datasets import load_digits
        X, y = load_digits(return_X_y=True); return X / 16, y
    if name == "fashion_mnist":
        from compare import load
        d = load("fashion_mnist"); return d.data.reshape(len(d.data), -1), d.target
    for kind, n, X, y in extra():
        if n == name: return X, y
    raise KeyError(name)
X, y = get(sys.argv[1])
k = len(np.unique(y))
for m in sys.argv[2].split(","):
    for s in map(int, sys.argv[3].split(",")):
        t = time.process_time()
        e = getattr(sk, m)(k, random_state=s).fit(X)
        st = clustering_report(y, e.init_labels_) if hasattr(e, "init_labels_") else None
        r = clustering_report(y, e.labels_)
        print(f"{sys.argv[1]} {m} seed {s} pick {os.environ.get('SPECTRAL_PICK')}: start {'%.3f / %.3f' % (st['ACC'], st['NMI']) if st else '-'} end {r['ACC']:.3f} / {r['NMI']:.3f}  {time.process_time()-t:.1f} s", flush=True)

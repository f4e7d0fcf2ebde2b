"""Exploratory: DEPICT fits whose pretrained embedding saturated (every tanh
unit at +-1 for every sample: the fit warns and ends in one cluster), and the
same fits with the pretraining at the authors' learning rate, 1e-4.
Sets: jule_cap/imbalanced_pairs.py's Fashion-MNIST pairs cut to a tenth (its
draw with fractions 0.1 and 0.4) and depict_few_clusters/fm_pairs.py's pairs of
3,000 and 300 training images. Usage: probe.py SEEDS [PARAMS_JSON]"""
import json, os, sys, time, warnings, numpy as np
warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
HERE = os.path.dirname(os.path.abspath(__file__))
seeds = [int(s) for s in sys.argv[1].split(",")]
params = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
sys.argv = [sys.argv[0], "none", "0"]
exec(open(os.path.join(HERE, "..", "jule_cap", "imbalanced_pairs.py")).read().split("methods = sys.argv")[0])
import skdeepcluster as sk  # noqa: E402
from skdeepcluster.datasets import load_dataset  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402


def fm_pairs():
    d = load_dataset("fashion_mnist_all")
    X_all, y_all = d.data.reshape(len(d.data), -1), d.target
    for big, small in [(1, 0), (4, 2), (7, 9), (0, 1)]:
        rs = np.random.RandomState(0)
        idx = np.concatenate([rs.choice(np.flatnonzero(y_all == big), 3000, replace=False),
                              rs.choice(np.flatnonzero(y_all == small), 300, replace=False)])
        yield f"fm train {big}/{small} 3000+300", X_all[idx].astype(np.float32) / 255, (y_all[idx] == small).astype(int)


def all_sets():
    for name, X, y in sets():
        if name.startswith("fmnist") and name.endswith("0.1"):
            yield name, X, y
    yield from fm_pairs()


for name, X, y in all_sets():
    for s in seeds:
        t = time.process_time()
        e = sk.DEPICTClustering(2, random_state=s, **params).fit(X)
        E = e.transform(X)
        h = [r["loss"] for r in e.history_ if r["phase"].startswith("pretrain")]
        r = clustering_report(y, e.labels_)
        print(f"{name} seed {s}: {r['ACC']:.3f} / {r['NMI']:.3f} sizes {np.bincount(e.labels_, minlength=2).tolist()} "
              f"saturated {float((np.abs(E) > 0.99).mean()):.3f} pretraining loss first / max / last "
              f"{h[0]:.3f} / {max(h):.3f} / {h[-1]:.3f}  {time.process_time() - t:.0f} s", flush=True)

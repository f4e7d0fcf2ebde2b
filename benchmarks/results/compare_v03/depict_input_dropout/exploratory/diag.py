"""Exploratory (doc/results.rst, results_depict_input_dropout): DEPICT on 3,000 Fashion-MNIST training images pooled by F (argv 1), PARAMS_JSON (argv 2): start and final ACC / NMI and cluster sizes."""
import sys, time, json, warnings; warnings.filterwarnings("ignore")
import numpy as np, torch; torch.set_num_threads(1)

import skdeepcluster as sk
from skdeepcluster.metrics import clustering_report
from skdeepcluster.datasets import load_fashion_mnist
b = load_fashion_mnist("train"); n = 3000; f = int(sys.argv[1]); s = 28 // f
X = b.data[:n].reshape(-1, s, f, s, f).mean((2, 4)).reshape(n, -1).astype(np.float32); y = b.target[:n]
params = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
t = time.process_time()
e = sk.DEPICTClustering(10, random_state=0, **params).fit(X)
for nm, lab in (("init", e.init_labels_), ("final", e.labels_)):
    r = clustering_report(y, lab); print(nm, f"{r['ACC']:.3f} / {r['NMI']:.3f}", sorted(np.bincount(lab, minlength=10)))
print("scaling", e.scaling_, "init_on", getattr(e, "init_on_", None), "n_iter", e.n_iter_, f"{time.process_time()-t:.1f}s")
h = [r for r in e.history_ if r["phase"] != "pretrain"]; print(len(h), h[0] if h else None, h[-1] if h else None)

import sys, numpy as np, time
from sklearn.mixture import GaussianMixture
from skdeepcluster.metrics import clustering_accuracy as acc
from sklearn.metrics import normalized_mutual_info_score as nmi
d = np.load(sys.argv[1]); y = d["y"]
V = np.load(sys.argv[1].replace(".npz", "_V.npy"))
for tag, Z in (("Z0", d["Z0"]), ("V", V)):
    for s in (0, 1):
        t = time.process_time()
        lab = GaussianMixture(10, covariance_type="full", random_state=s).fit_predict(Z)
        print(tag, s, f"acc {acc(y, lab):.3f} nmi {nmi(y, lab):.3f} cpu {time.process_time()-t:.0f} sizes {sorted(np.bincount(lab))}", flush=True)

"""Spectral starts of saved 70,000-image codes with more neighbours (nnK)
and on a random subset extended by a 15-NN vote (subM:SEED).

    OMP_NUM_THREADS=1 PYTHONPATH=. python probe_nn.py CODES.npz nn15,nn50,sub10000:0
"""
import sys, time, numpy as np, warnings; warnings.filterwarnings("ignore")
from sklearn.metrics import normalized_mutual_info_score as nmi
from skdeepcluster.metrics import clustering_accuracy as acc
from skdeepcluster.graph import spectral_clustering, nearest_neighbors
import torch
d = np.load(sys.argv[1]); Z, y = d["Z"].astype(np.float64), d["y"]
print(Z.shape)
def rep(tag, lab, t0):
    sizes = np.sort(np.bincount(lab))
    print(f"{tag:30s} {acc(y, lab):.3f} / {nmi(y, lab):.3f}  {time.process_time()-t0:.1f}s sizes {sizes.min()}-{sizes.max()}", flush=True)
for w in sys.argv[2].split(","):
    t0 = time.process_time()
    if w.startswith("nn"):
        k = int(w[2:])
        rep(w, spectral_clustering(Z, 10, n_neighbors=k, random_state=1), t0)
    elif w.startswith("sub"):  # sub<m>:<seed>
        m, s = w[3:].split(":"); m, s = int(m), int(s)
        idx = np.random.default_rng(s).choice(len(Z), m, replace=False)
        lab_sub = spectral_clustering(Z[idx], 10, random_state=1)
        _, nb = nearest_neighbors(torch.as_tensor(Z[idx], dtype=torch.float32), 15, queries=torch.as_tensor(Z, dtype=torch.float32))
        votes = np.zeros((len(Z), 10)); 
        for j in range(nb.shape[1]): np.add.at(votes, (np.arange(len(Z)), lab_sub[nb[:, j]]), 1)
        rep(w, votes.argmax(1), t0)

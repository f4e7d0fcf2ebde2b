import numpy as np, time
from sklearn.neighbors import NearestNeighbors
from sklearn.metrics import normalized_mutual_info_score as nmi
from skdeepcluster.metrics import clustering_accuracy as acc
import sys
sys.path.insert(0, __import__('os').path.dirname(__file__))
d = np.load('/work/exp/s9/F_depict_fashion_mnist_all_0.npz'); y = d['y']; L = d['labels']
from vote import vote

print('base', acc(y, L), nmi(y, L))
for name in ('Z', 'Z0'):
    F = d[name]
    t = time.time(); ind = NearestNeighbors(n_neighbors=21).fit(F).kneighbors(F, return_distance=False)[:, 1:]
    for k in (5, 10, 20):
        for it in (1, 3):
            l2 = vote(L, ind, it, k); print(name, k, it, round(acc(y, l2), 3), round(nmi(y, l2), 3), flush=True)

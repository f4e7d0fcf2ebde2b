"""The sets of unequal cluster sizes that raw_pick.py, pick_cuts.py and fits.py add."""
import numpy as np
from sklearn.datasets import make_blobs
def extra():
    for d, gap, sizes in ((10, 3.8, (900, 100)), (10, 6, (900, 100)), (100, 10, (900, 100)), (100, 6, (900, 100)), (10, 3.8, (700, 300))):
        X, y = make_blobs(list(sizes), n_features=d, cluster_std=1.0, centers=[np.zeros(d), np.full(d, gap / np.sqrt(d))], random_state=0)
        yield "imbalanced", f"{sizes[0]}/{sizes[1]} {d}-D gap {gap}", X, y
    X, y = make_blobs([600, 300, 100], n_features=2, centers=[[0, 0], [4, 0], [0, 4]], random_state=0)
    yield "imbalanced", "600/300/100 2-D", X, y
    X, y = make_blobs([1000, 400, 150, 50], n_features=20, cluster_std=1.0, random_state=3)
    yield "imbalanced", "1000/400/150/50 20-D", X, y

"""Exploratory: DiscriminativeLatentClustering's stage II terms on the two Gaussians of 900
and 100 rows (seeds 0, 1) and the digits (seeds 0-2); each argument a JSON of parameters."""
import numpy as np, warnings, torch, json, sys; warnings.filterwarnings("ignore"); torch.set_num_threads(1)
from sklearn.datasets import make_blobs, load_digits
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_report
Xi, yi = make_blobs([900, 100], n_features=10, cluster_std=1.0, centers=[np.zeros(10), np.full(10, 1.2)], random_state=0)
Xd, yd = load_digits(return_X_y=True); Xd = Xd / 16
for params in map(json.loads, sys.argv[1:]):
    r = []
    for X, y, k, seeds in ((Xi, yi, 2, (0, 1)), (Xd, yd, 10, (0, 1, 2))):
        a = [clustering_report(y, sk.DiscriminativeLatentClustering(k, random_state=s, **params).fit(X).labels_) for s in seeds]
        r.append(f"{np.mean([q['ACC'] for q in a]):.3f} / {np.mean([q['NMI'] for q in a]):.3f} ({', '.join('%.3f' % q['ACC'] for q in a)})")
    print(params, "two Gaussians", r[0], "digits", r[1], flush=True)

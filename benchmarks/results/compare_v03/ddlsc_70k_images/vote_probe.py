"""Labels re-voted by each sample's nearest codes, from ``save_codes.py``'s files (exploratory).

    python benchmarks/results/compare_v03/ddlsc_70k_images/vote_probe.py /tmp/fm_img_s0.npz

ACC / NMI / ARI of ``labels_``, of ``init_labels_``, and of the labels after 1, 3
and 10 rounds in which every sample takes the most common label among itself
and its k nearest codes (k = 10 and 30).
"""
import sys

import numpy as np
from sklearn.neighbors import NearestNeighbors

from skdeepcluster.metrics import clustering_report


def report(name, y, labels):
    r = clustering_report(y, labels)
    print(f"  {name:34s} {r['ACC']:.3f} / {r['NMI']:.3f} / {r['ARI']:.3f}", flush=True)


for path in sys.argv[1:]:
    d = np.load(path)
    Z, y, labels, n_clusters = d["Z"], d["y"], d["labels"], d["centers"].shape[0]
    print(path)
    report("labels_", y, labels)
    report("init_labels_", y, d["init"])
    for k in (10, 30):
        _, idx = NearestNeighbors(n_neighbors=k + 1).fit(Z).kneighbors(Z)
        voted = labels.copy()
        for rounds in range(1, 11):
            votes = np.zeros((len(voted), n_clusters))
            np.add.at(votes, (np.repeat(np.arange(len(voted)), k + 1), voted[idx].ravel()), 1)
            new = votes.argmax(1)
            changed, voted = (new != voted).mean(), new
            if rounds in (1, 3, 10):
                report(f"vote k={k}, {rounds} rounds (changed {changed:.3f})", y, voted)

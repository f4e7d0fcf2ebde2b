"""Does a kNN majority vote of the final labels (embedding's or input's graph) lift ACC/NMI?"""
import sys, time, json
import numpy as np
from sklearn.neighbors import NearestNeighbors
from sklearn.metrics import normalized_mutual_info_score as nmi
from skdeepcluster.metrics import clustering_accuracy as acc
from skdeepcluster import DEPICTClustering, DAMICClustering, DiscriminativeLatentClustering, JULEClustering
from skdeepcluster.datasets import load_dataset

def vote(labels, ind, n_iter, k):
    lab = labels.copy()
    for _ in range(n_iter):
        nb = lab[ind[:, :k]]
        counts = np.zeros((len(lab), lab.max() + 1))
        np.add.at(counts, (np.repeat(np.arange(len(lab)), k), nb.ravel()), 1)
        counts[np.arange(len(lab)), lab] += 0.5  # ties keep own
        lab = counts.argmax(1)
    return lab


if __name__ == "__main__":
    M = dict(depict=DEPICTClustering, damic=DAMICClustering, ddlsc=DiscriminativeLatentClustering, jule=JULEClustering)
    ds, method, seeds = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3].split(',')]
    d = load_dataset(ds)
    X = d.data.astype(np.float32); y = d.target
    X = X / X.max()

    for seed in seeds:
        t = time.process_time()
        est = M[method](n_clusters=10, random_state=seed).fit(X)
        L = est.labels_
        Z = est.transform(X)
        out = {"seed": seed, "fit": round(time.process_time() - t, 1), "base": (round(acc(y, L), 3), round(nmi(y, L), 3))}
        for space, F in (("emb", Z), ("in", X)):
            ind = NearestNeighbors(n_neighbors=21).fit(F).kneighbors(F, return_distance=False)[:, 1:]
            for k in (5, 10, 20):
                for it in (1, 3):
                    l2 = vote(L, ind, it, k)
                    out[f"{space}{k}x{it}"] = (round(acc(y, l2), 3), round(nmi(y, l2), 3))
        print(method, ds, json.dumps(out), flush=True)

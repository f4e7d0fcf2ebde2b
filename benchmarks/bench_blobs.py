"""scikit-learn's ``check_clustering`` blobs: ARI of each estimator, built
with ``n_clusters`` alone, against k-means', seeds 0-5 (issue 14, goal 3).

The data are those of :func:`sklearn.utils.estimator_checks.check_clustering`:
50 points in 3 blobs (``make_blobs(n_samples=50, random_state=1)``),
shuffled and standardised. Run from the repository root::

    OMP_NUM_THREADS=1 python benchmarks/bench_blobs.py --methods depict damic ddlsc jule
"""

import argparse
import time

from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler
from sklearn.utils import shuffle

from skdeepcluster.__main__ import METHODS


def blobs():
    """The standardised blobs of ``check_clustering`` and their labels."""
    X, y = make_blobs(n_samples=50, random_state=1)
    X, y = shuffle(X, y, random_state=7)
    return StandardScaler().fit_transform(X), y


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--methods", nargs="+", default=sorted(METHODS), choices=sorted(METHODS))
    parser.add_argument("--seeds", nargs="+", type=int, default=list(range(6)))
    args = parser.parse_args(argv)
    X, y = blobs()
    for method in args.methods:
        start = time.process_time()
        for seed in args.seeds:
            labels = METHODS[method](3, random_state=seed).fit(X).labels_
            kmeans = KMeans(3, random_state=seed).fit(X).labels_
            print(f"{method} seed {seed}: ARI {adjusted_rand_score(y, labels):.3f}  "
                  f"k-means ARI {adjusted_rand_score(y, kmeans):.3f}", flush=True)
        print(f"{method}: CPU {time.process_time() - start:.1f} s", flush=True)


if __name__ == "__main__":
    main()

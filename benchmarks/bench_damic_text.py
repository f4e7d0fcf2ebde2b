"""DAMIC and k-means on tf-idf text (a sparse matrix): the fortunes corpus
(Debian package ``fortunes``) and the paper's synthetic eq. 8 data.

Run from the repository root::

    python benchmarks/bench_damic_text.py --seeds 0

and paste the printed table into doc/benchmarks.rst.
"""

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

import torch
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from skdeepcluster import DAMICClustering  # noqa: E402
from skdeepcluster.datasets import load_fortunes  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--max-features", type=int, default=2000)
    parser.add_argument("--params", default="{}", help="JSON of extra DAMIC parameters")
    args = parser.parse_args(argv)
    params = json.loads(args.params)
    corpus = load_fortunes()
    X = TfidfVectorizer(max_features=args.max_features, stop_words="english",
                        sublinear_tf=True).fit_transform(corpus.data)
    k = len(corpus.target_names)
    print(f"# fortunes {corpus.target_names}: {X.shape[0]} texts, tf-idf {X.shape[1]} "
          f"features ({X.nnz} non-zeros, sparse); params {params}")
    print(f"# {torch.get_num_threads()} torch threads, torch {torch.__version__}")
    for seed in args.seeds:
        for name in ("k-means", "damic"):
            start = time.perf_counter()
            if name == "k-means":
                labels = KMeans(k, n_init=10, random_state=seed).fit_predict(X)
            else:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    labels = DAMICClustering(k, random_state=seed, **params).fit(X).labels_
            seconds = time.perf_counter() - start
            r = clustering_report(corpus.target, labels)
            print(f"{name:<8} {seed:>4} {r['ACC']:6.3f} {r['NMI']:6.3f} {r['ARI']:6.3f} "
                  f"{seconds:8.1f}", flush=True)


if __name__ == "__main__":
    main()

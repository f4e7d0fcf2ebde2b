"""Held-out labelled tables (issue 14, goal 4): the classification sets of R's
mlbench package, which no issue names, clustered by each estimator built with
``n_clusters`` alone next to k-means, a Gaussian mixture and UMAP + GMM. Every
method gets the same standardised float32 array (the protocol of the tabular
tables of doc/results.rst). Needs ``apt-get install r-cran-mlbench`` and the
CSV files of ``export.R``::

    Rscript benchmarks/results/compare_v03/mixture_start/export.R /tmp/mlbench
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/mixture_start/probe.py /tmp/mlbench SETS METHODS SEEDS [PARAMS_JSON] > OUT.txt

SETS, METHODS and SEEDS are comma-separated (methods: kmeans, gmm, umapgmm,
depict, jule, damic, ddlsc). Prints one line per fit (ACC / NMI / ARI, CPU
seconds of the fit, clusters used) and a mean line per set and method.
"""
import json, os, sys, time, warnings
import numpy as np, torch
warnings.filterwarnings("ignore")
torch.set_num_threads(1)
from sklearn.mixture import GaussianMixture
from sklearn.preprocessing import StandardScaler
from skdeepcluster.metrics import clustering_report

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
from compare import cluster  # noqa: E402

#: This script's method names of compare.py's peers.
PEER_NAMES = {"kmeans": "k-means", "umapgmm": "umap-gmm"}


def load(folder, name):
    """The standardised float32 rows and the integer classes of ``name``."""
    import csv
    with open(os.path.join(folder, name + ".csv")) as f:
        rows = list(csv.reader(f))[1:]
    X = np.array([[float(v) for v in r[:-1]] for r in rows])
    _, y = np.unique([r[-1] for r in rows], return_inverse=True)
    return StandardScaler().fit_transform(X).astype(np.float32), y


def main(folder, sets, methods, seeds, params):
    for name in sets:
        X, y = load(folder, name)
        k = len(np.unique(y))
        print(f"# {name}: {X.shape[0]} x {X.shape[1]}, {k} classes, sizes {np.bincount(y).min()}-{np.bincount(y).max()}",
              flush=True)
        for method in methods:
            rows = []
            for seed in seeds:
                start = time.process_time()
                if method == "gmm":
                    labels = GaussianMixture(k, covariance_type="full", random_state=seed).fit_predict(X)
                else:
                    labels = cluster(PEER_NAMES.get(method, method), X, k, seed, params)
                r = clustering_report(y, labels)
                rows.append((r["ACC"], r["NMI"], r["ARI"], time.process_time() - start))
                print(f"  {name} {method} seed {seed}: {r['ACC']:.3f} / {r['NMI']:.3f} / {r['ARI']:.3f}"
                      f"  {rows[-1][3]:.1f} s CPU, {len(np.unique(labels))} clusters", flush=True)
            acc, nmi, ari, cpu = np.mean(rows, axis=0)
            print(f"{name:20s} {method:8s} {json.dumps(params) if params else ''} mean {acc:.3f} / {nmi:.3f} / {ari:.3f}"
                  f"  {cpu:.1f} s CPU", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2].split(","), sys.argv[3].split(","),
         [int(s) for s in sys.argv[4].split(",")], json.loads(sys.argv[5]) if len(sys.argv) > 5 else {})

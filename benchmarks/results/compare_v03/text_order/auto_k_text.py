"""n_clusters="auto" on text: the three fortunes sets (rows shuffled as in umap_order.py, seed 0).

Each estimator (defaults, 1 thread) with ``n_clusters="auto"``, and issue 15's
peers of ``benchmarks/bench_auto_k.py`` (silhouette sweep of k-means,
Dirichlet-process GMM, HDBSCAN on a UMAP embedding) on the same rows::

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/text_order/auto_k_text.py fortunes5,heldout5,fortunes20 peers,DEPICTClustering,JULEClustering,DiscriminativeLatentClustering,DAMICClustering
"""
import sys
import time
import warnings
from pathlib import Path

import numpy as np

warnings.filterwarnings("ignore")
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
import bench_auto_k  # noqa: E402
import torch  # noqa: E402

import skdeepcluster  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from text_data import load_set, shuffled  # noqa: E402

MAX_CLUSTERS = 50  # the estimators' max_clusters="auto" bound for these sizes is reported by each


def main():
    torch.set_num_threads(1)
    print(skdeepcluster.__file__, flush=True)
    for name in sys.argv[1].split(","):
        X, y = shuffled(*load_set(name), seed=0)
        k = len(np.unique(y))
        for method in sys.argv[2].split(","):
            t = time.process_time()
            if method == "peers":
                found = {"sil": bench_auto_k.silhouette_sweep(X, MAX_CLUSTERS),
                         "dpgmm": bench_auto_k.dp_gmm(X, MAX_CLUSTERS),
                         "umap+hdb": bench_auto_k.umap_hdbscan(X)}
                print(f"{name:10s} true {k:2d} peers {found} cpu {time.process_time() - t:.1f}", flush=True)
                continue
            e = getattr(skdeepcluster, method)(n_clusters="auto", random_state=0).fit(X)
            r = clustering_report(y, e.labels_)
            print(f"{name:10s} true {k:2d} {method:30s} k {e.n_clusters_:3d} ACC {r['ACC']:.3f} NMI {r['NMI']:.3f} "
                  f"cpu {time.process_time() - t:.1f}", flush=True)


if __name__ == "__main__":
    main()

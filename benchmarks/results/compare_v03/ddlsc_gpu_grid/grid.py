"""A grid of DiscriminativeLatentClustering variants, for a GPU (exploratory).

Each variant is a JSON object of constructor parameters, optionally with
``"_anchors": "mutual"`` (the mutual edges of each batch's k-NN graph as
anchors instead of every edge, as ``ddlsc_mutual/mutual_anchors.py``) and
``"_flat": true`` (images as flat rows). Every (variant, dataset, seed) fit
appends a JSON line to ``--out`` with ACC / NMI of the start
(``init_labels_``) and of ``labels_`` and the wall seconds; no new variant
starts after ``--budget`` seconds. From the repository root::

    python benchmarks/results/compare_v03/ddlsc_gpu_grid/grid.py --datasets fashion_mnist digits --seeds 0 1 2 --out grid.jsonl '{"_flat": true}' '{"_flat": true, "batch_size": 2000}'
    python benchmarks/results/compare_v03/ddlsc_gpu_grid/grid.py --summary grid.jsonl
"""
import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from compare import load, make_estimator  # noqa: E402

import skdeepcluster.ddlsc as ddlsc  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

DEFAULT_ANCHORS = ddlsc.select_anchors


@torch.no_grad()
def mutual_anchors(x, n_neighbors=5, fraction=1.0):
    """The mutual edges of the batch's k-NN graph (i and j each among the other's k nearest)."""
    n = x.shape[0]
    x = x.reshape(n, -1).float()
    squared = x.pow(2).sum(1)
    d2 = (squared[:, None] + squared[None, :] - 2.0 * (x @ x.T)).clamp_min(0.0)
    d2.fill_diagonal_(float("inf"))
    _, neighbors = d2.topk(min(int(n_neighbors), n - 1), dim=1, largest=False)
    directed = torch.zeros(n, n, dtype=torch.bool, device=x.device)
    directed[torch.arange(n, device=x.device)[:, None].expand_as(neighbors), neighbors] = True
    return directed & directed.T


def fit(variant, dataset, seed, cache):
    params = {k: v for k, v in variant.items() if not k.startswith("_")}
    if "hidden_layer_sizes" in params:
        params["hidden_layer_sizes"] = tuple(params["hidden_layer_sizes"])
    ddlsc.select_anchors = mutual_anchors if variant.get("_anchors") == "mutual" else DEFAULT_ANCHORS
    data = cache.setdefault(dataset, load(dataset))
    est, _ = make_estimator("ddlsc", data, seed, {}, variant.get("_flat", False))
    est.set_params(**params)
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    start = time.perf_counter()
    est.fit(data.data)
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    seconds = time.perf_counter() - start
    init = clustering_report(data.target, est.init_labels_)
    end = clustering_report(data.target, np.asarray(est.labels_))
    stages = defaultdict(int)
    for record in est.history_:
        stages[record["phase"]] += 1
    return dict(variant=json.dumps(variant, sort_keys=True), dataset=dataset, seed=seed,
                init_acc=round(init["ACC"], 4), init_nmi=round(init["NMI"], 4),
                acc=round(end["ACC"], 4), nmi=round(end["NMI"], 4), ari=round(end["ARI"], 4),
                fit_s=round(seconds, 2), epochs=dict(stages), device=str(est.device_))


def summary(path):
    rows = defaultdict(list)
    for line in Path(path).read_text().splitlines():
        r = json.loads(line)
        rows[(r["dataset"], r["variant"])].append(r)
    print(f"{'dataset':<16}{'variant':<62}{'n':>2}  start ACC/NMI   end ACC/NMI   fit s")
    for (dataset, variant), rs in rows.items():
        m = {k: np.mean([r[k] for r in rs]) for k in ("init_acc", "init_nmi", "acc", "nmi", "fit_s")}
        print(f"{dataset:<16}{variant:<62}{len(rs):>2}  {m['init_acc']:.3f}/{m['init_nmi']:.3f}"
              f"   {m['acc']:.3f}/{m['nmi']:.3f}   {m['fit_s']:.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variants", nargs="*")
    parser.add_argument("--datasets", nargs="+", default=["fashion_mnist"])
    parser.add_argument("--seeds", nargs="+", type=int, default=[0, 1, 2])
    parser.add_argument("--budget", type=float, default=float("inf"))
    parser.add_argument("--out")
    parser.add_argument("--summary")
    args = parser.parse_args()
    if args.summary:
        return summary(args.summary)
    start, cache = time.perf_counter(), {}
    for variant in map(json.loads, args.variants):
        if time.perf_counter() - start > args.budget:
            print("budget spent; skipped", json.dumps(variant), flush=True)
            continue
        for dataset in args.datasets:
            for seed in args.seeds:
                row = fit(variant, dataset, seed, cache)
                print(json.dumps(row), flush=True)
                if args.out:
                    with open(args.out, "a") as f:
                        f.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()

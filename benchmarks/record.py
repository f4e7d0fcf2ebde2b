"""The table of record of issue 14: every method on the goal's four data sets, one table.

Fits nothing. The rows of record are spread over many ``compare.py`` runs
(each method's latest defaults were measured in its own section of
``doc/results.rst``, the peers in the runs named below); :data:`RECORD` says
which ``results.csv`` holds each method's rows of record on each data set,
and this script summarises them (mean ± standard deviation over the seeds,
as ``compare.py`` does) into one reStructuredText table, with each row's
CPU time as a multiple of UMAP + GMM's on the same data set (the UMAP + GMM
row of this table: the ratio is across runs, which ``doc/results.rst``
also gives run by run) and the folder the rows come from. Run from the
repository root::

    python benchmarks/record.py > benchmarks/results/compare_v03/record.rst

``--readme`` leaves out the last column (the folders): the table of
README.rst, which ``tests/test_compare.py`` checks against this output.
"""

import csv
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import SCORES, summarize  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"

#: (data set, method as shown, folder under benchmarks/results holding
#: results.csv, method as named there). Where one folder has no row of a
#: seed, another folder's rows of that method and data set are added (the
#: 70,000-image UMAP + GMM: seed 0 in one run, seeds 1 and 2 in two others).
RECORD = [
    ("digits", "umap-gmm", "compare_v03/digits", "umap-gmm"),
    ("digits", "umap-kmeans", "compare_v03/digits", "umap-kmeans"),
    ("digits", "k-means", "compare_v03/digits", "k-means"),
    ("digits", "clustpy-dec", "compare_digits", "clustpy-dec"),
    ("digits", "clustpy-idec", "compare_digits", "clustpy-idec"),
    ("digits", "ddlsc", "compare_v03/ddlsc_fast_losses/digits", "ddlsc"),
    ("digits", "depict", "compare_v03/depict_input_dropout/digits", "depict"),
    ("digits", "damic", "compare_v03/oversegment3/digits", "damic"),
    ("digits", "jule", "compare_v03/jule_lr_size/digits", "jule"),
    ("Fashion-MNIST flat", "umap-gmm", "compare_v03/fashion_mnist_flat", "umap-gmm"),
    ("Fashion-MNIST flat", "umap-kmeans", "compare_v03/fashion_mnist_flat", "umap-kmeans"),
    ("Fashion-MNIST flat", "k-means", "compare_v03/fashion_mnist_flat", "k-means"),
    ("Fashion-MNIST flat", "clustpy-dec", "compare_fmnist", "clustpy-dec"),
    ("Fashion-MNIST flat", "clustpy-idec", "compare_fmnist", "clustpy-idec"),
    ("Fashion-MNIST flat", "ddlsc", "compare_v03/ddlsc_fast_losses/fashion_mnist_flat", "ddlsc"),
    ("Fashion-MNIST flat", "depict", "compare_v03/depict_input_dropout/fashion_mnist_flat",
     "depict"),
    ("Fashion-MNIST flat", "damic", "compare_v03/damic_cost/fashion_mnist_flat", "damic"),
    ("Fashion-MNIST flat", "jule", "compare_v03/jule_lr_size/fashion_mnist_flat", "jule"),
    ("Fashion-MNIST 28x28", "umap-gmm", "compare_v03/fashion_mnist_images", "umap-gmm"),
    ("Fashion-MNIST 28x28", "umap-kmeans", "compare_v03/fashion_mnist_images", "umap-kmeans"),
    ("Fashion-MNIST 28x28", "k-means", "compare_v03/fashion_mnist_images", "k-means"),
    ("Fashion-MNIST 28x28", "ddlsc", "compare_v03/ddlsc_fast_losses/fashion_mnist_images", "ddlsc"),
    ("Fashion-MNIST 28x28", "depict", "compare_v03/depict_head_fit/images", "depict"),
    ("Fashion-MNIST 28x28", "damic", "compare_v03/damic_channels_last", "damic"),
    ("Fashion-MNIST 28x28", "jule", "compare_v03/jule_channels_last", "jule"),
    ("Fashion-MNIST 70k", "umap-gmm", "compare_v03/fashion_mnist_all", "umap-gmm"),
    ("Fashion-MNIST 70k", "umap-gmm",
     "compare_v03/depict_images_budget/fashion_mnist_all_seeds", "umap-gmm"),
    ("Fashion-MNIST 70k", "k-means", "compare_v03/fashion_mnist_all", "k-means"),
    ("Fashion-MNIST 70k", "ddlsc", "compare_v03/ddlsc_fast_losses/fashion_mnist_all", "ddlsc"),
    ("Fashion-MNIST 70k", "depict", "compare_v03/knn_tree/fashion_mnist_all_depict", "depict"),
    ("Fashion-MNIST 70k", "depict 28x28",
     "compare_v03/knn_tree/fashion_mnist_all_depict_images_seeds", "depict"),
    ("Fashion-MNIST 70k", "damic", "compare_v03/knn_tree/fashion_mnist_all_damic", "damic"),
    ("Fashion-MNIST 70k", "jule", "compare_v03/jule_min_size/fashion_mnist_all_seeds", "jule"),
]


def rows_of_record(record=RECORD, results=RESULTS):
    """The rows of ``results.csv`` that :data:`RECORD` names, with ``dataset``
    set to its data set and ``method`` to its name as shown, and the folders
    each (data set, method) came from."""
    rows, sources = [], {}
    for dataset, shown, folder, method in record:
        with open(results / folder / "results.csv", newline="") as handle:
            found = [r for r in csv.DictReader(handle) if r["method"] == method]
        if not found:
            raise SystemExit(f"error: no {method!r} rows in {folder}/results.csv")
        rows += [{**r, "dataset": dataset, "method": shown} for r in found]
        sources.setdefault((dataset, shown), []).append(folder)
    return rows, sources


def render(summary, sources, with_sources=True):
    """The table: scores, times, memory, the CPU ratio to UMAP + GMM, and
    (``with_sources``) the folders."""
    def cell(e, key, fmt):
        mean, std = e[f"{key}_mean"], e[f"{key}_std"]
        return f"{mean:{fmt}} ± {std:{fmt}}" if np.isfinite(mean) else "\\-"

    reference = {e["dataset"]: e["cpu_s_mean"] for e in summary if e["method"] == "umap-gmm"}
    header = ("data", "method", "seeds", *SCORES, "fit s", "CPU s", "peak MiB",
              "CPU / UMAP + GMM", "rows from benchmarks/results/")
    body = []
    for e in summary:
        ratio = e["cpu_s_mean"] / reference[e["dataset"]] if e["dataset"] in reference else np.nan
        body.append((e["dataset"], e["method"], str(e["n_seeds"]),
                     *(cell(e, k, ".3f") for k in SCORES), cell(e, "fit_s", ".1f"),
                     cell(e, "cpu_s", ".1f"), f"{e['peak_mib_mean']:.0f}",
                     f"{ratio:.1f}" if np.isfinite(ratio) else "\\-",
                     ", ".join(sources[e["dataset"], e["method"]])))
    if not with_sources:
        header, body = header[:-1], [r[:-1] for r in body]
    widths = [max(len(r[i]) for r in (header, *body)) for i in range(len(header))]
    rule = "  ".join("=" * w for w in widths)
    lines = [rule, "  ".join(h.ljust(w) for h, w in zip(header, widths)), rule]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in body]
    return "\n".join([*lines, rule])


def record_table(with_sources=True):
    """The table of record as text."""
    rows, sources = rows_of_record()
    return render(summarize(rows), sources, with_sources)


def main():
    print(record_table(with_sources="--readme" not in sys.argv[1:]))


if __name__ == "__main__":
    main()

"""Every method of ours next to scikit-learn's and ClustPy's clusterers on the same data.

Methods: every entry of ``skdeepcluster.__main__.METHODS`` (picked up at run
time, default parameters; images smaller than 16x16 as flat
rows, as ``python -m skdeepcluster`` does), scikit-learn's k-means
(``n_init=10``), Ward agglomerative and spectral clustering (nearest-neighbours
affinity), ClustPy's DEC and IDEC with their defaults when ``clustpy`` is
importable, and the manifold recipe N2D popularised, without a network, when
``umap-learn`` is importable: ``UMAP(n_neighbors=10, min_dist=0.0,
n_components=n_clusters)`` on the rows, then a full-covariance
``GaussianMixture`` (``umap-gmm``) or k-means (``umap-kmeans``). clustpy and
umap-learn are optional benchmark dependencies (the ``benchmark`` extra),
never ones of the package. UMAP gets the fit's seed, which makes it
deterministic and single-threaded; numba compiles UMAP's code on its first
call, so each UMAP fit process first runs UMAP once on small random data,
outside the timed fit.

Every method gets the same float32 array: images with their grey levels
min-max scaled to [0, 1], tabular sets standardised (as
:func:`skdeepcluster.datasets.load_dataset` returns them), FCPS as is. Each fit
runs in its own process (``bench.measure``): *fit_s* is the wall time of the
fit alone, *cpu_s* the CPU time of the fit process over all its threads (less
sensitive to a machine shared with other jobs), *peak_mib* the peak resident
memory of that process. Run from the
repository root (the checkout's package is used, installed or not)::

    python benchmarks/compare.py --quick --out benchmarks/results/compare_quick
    python benchmarks/compare.py --datasets digits --out benchmarks/results/compare_digits --plot

Datasets are names of ``load_dataset`` (``digits``, ``fashion_mnist``, ...),
optionally with ``:N`` for a fixed random subset of N samples
(``fashion_mnist:2000``), or ``fcps_<Name>`` for the FCPS sets of the Debian
package ``python3-pyclustering`` (no labels there: fit time, memory and the
number of clusters found only). A spec ending in ``@shuffled``
(``fortunes_tfidf@shuffled``) gives every method the rows in one fixed random
order (``RandomState(0)``, the same for every method and seed). Use it for a
set whose rows come sorted by class, as the fortunes texts do: UMAP's layout
optimiser visits the rows in their order, and on text, where the empty rows
are the nearest neighbours of most rows, it reads the classes from that order
(User Guide, results page, "UMAP + GMM on text reads the row order"); a run
on such a set prints a warning.
"""

import argparse
import csv
import enum
import json
import os
import platform
import sys
import time
import types
import warnings
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import measure  # noqa: E402  (bench.py also puts the checkout on sys.path)

#: Peers, by the name used in --methods and in the tables.
PEERS = ("k-means", "ward", "spectral", "umap-gmm", "umap-kmeans", "clustpy-dec", "clustpy-idec")

#: UMAP's parameters in the umap-gmm and umap-kmeans peers (N2D's recipe).
UMAP_PARAMS = {"n_neighbors": 10, "min_dist": 0.0}

#: Largest dataset each peer is run on: Ward's linkage keeps O(n^2) distances;
#: spectral clustering's eigensolver did not finish within the time limit beyond.
MAX_SAMPLES = {"ward": 20_000, "spectral": 20_000}

#: Where the Debian package python3-pyclustering puts its sample sets.
PYCLUSTERING_SAMPLES = Path("/usr/share/pyclustering/samples/samples")
#: Its FCPS suite.
FCPS_DIR = PYCLUSTERING_SAMPLES / "fcps"
#: Number of clusters of each FCPS set as defined by Ultsch (2005), "Clustering
#: with SOM: U*C", Proc. Workshop on Self-Organizing Maps; GolfBall (one
#: cluster) is left out.
FCPS_CLUSTERS = {"Atom": 2, "Chainlink": 2, "EngyTime": 2, "Hepta": 7, "Lsun": 3,
                 "Target": 6, "Tetra": 4, "TwoDiamonds": 2, "WingNut": 2}

DEFAULT_DATASETS = ("digits", "fashion_mnist")
QUICK_DATASETS = ("digits", "fashion_mnist:2000")
#: Budgets of --quick: passed to an estimator only where it has the parameter.
QUICK_PARAMS = {"n_epochs": 3, "n_pretrain_epochs": 3, "pretrain_epochs": 3, "clustering_epochs": 3}

SCORES = ("ACC", "NMI", "ARI")
#: The dataset spec suffix that shuffles the rows (see the module docstring).
SHUFFLED = "@shuffled"
COLUMNS = ("dataset", "method", "seed", "n_samples", "n_clusters", "n_found", *SCORES,
           "fit_s", "cpu_s", "peak_mib", "status", "params")


def load(spec):
    """The data every method gets, for a dataset spec (see the module docstring)."""
    from sklearn.utils import Bunch

    from skdeepcluster.datasets import load_dataset

    if spec.startswith("fcps_"):
        name = spec.removeprefix("fcps_")
        if name not in FCPS_CLUSTERS:
            raise ValueError(f"unknown FCPS set {name!r}; choose from {', '.join(FCPS_CLUSTERS)}.")
        path = FCPS_DIR / f"{name}.data"
        if not path.is_file():
            raise FileNotFoundError(f"{path} not found; `apt-get install python3-pyclustering`.")
        return Bunch(data=np.loadtxt(path, ndmin=2).astype(np.float32), target=None,
                     image_shape=None, name=spec, n_clusters=FCPS_CLUSTERS[name])
    spec, shuffled = spec.removesuffix(SHUFFLED), spec.endswith(SHUFFLED)
    name, _, size = spec.partition(":")
    data = load_dataset(name)
    if data.image_shape is not None:
        low, high = data.data.min(), data.data.max()
        data.data = ((data.data - low) / (high - low)).astype(np.float32)
    if size:
        keep = np.sort(np.random.RandomState(0).choice(len(data.data), int(size), replace=False))
        data.data, data.target = data.data[keep], data.target[keep]
    if shuffled:
        order = np.random.RandomState(0).permutation(len(data.data))
        data.data, data.target = data.data[order], data.target[order]
    data.name, data.n_clusters = spec + SHUFFLED * shuffled, len(np.unique(data.target))
    return data


def sorted_by_class(data):
    """Whether the rows of ``data`` come class by class (labels never
    decrease), an order that UMAP's layout optimiser can read."""
    return data.target is not None and len(data.target) > 1 and bool(np.all(np.diff(data.target) >= 0))


def _import_clustpy():
    """``clustpy.deep`` (``ImportError`` when clustpy is absent).

    clustpy 0.0.3 imports torchvision at module level, but DEC and IDEC with
    their default feed-forward autoencoder never use it (only the ResNet
    autoencoders' weight types and docstrings do). Where no torchvision that
    matches the installed torch can be imported, an empty stand-in with those
    two type names is put in its place.
    """
    try:
        import torchvision  # noqa: F401
    except (ImportError, RuntimeError, OSError):
        for name in [m for m in sys.modules if m.split(".")[0] == "torchvision"]:
            del sys.modules[name]
        api = types.ModuleType("torchvision.models._api")
        api.Weights, api.WeightsEnum = type("Weights", (), {}), enum.Enum("WeightsEnum", {})
        models = types.ModuleType("torchvision.models")
        models.__path__, models._api = [], api
        package = types.ModuleType("torchvision")
        package.__path__, package.models = [], models
        sys.modules.update({"torchvision": package, "torchvision.models": models,
                            "torchvision.models._api": api})
    import clustpy.deep

    return clustpy.deep


def clustpy_available():
    """Whether ClustPy's DEC and IDEC can run here (checked in a child process)."""
    import subprocess

    code = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import compare; compare._import_clustpy()"
    return subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def umap_available():
    """Whether umap-learn imports (checked in a subprocess: it is slow to import)."""
    import subprocess

    return subprocess.run([sys.executable, "-c", "import umap"], capture_output=True).returncode == 0


def umap_embedding(X, n_components, seed):
    """UMAP of ``X`` with the peers' parameters, seeded (so single-threaded:
    umap-learn's warning saying so is silenced)."""
    import umap

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="n_jobs value", category=UserWarning)
        return umap.UMAP(n_components=n_components, random_state=seed,
                         **UMAP_PARAMS).fit_transform(X)


class UMAPThenCluster:
    """UMAP to ``n_clusters`` dimensions, then a clusterer on the embedding;
    ``fit`` sets ``labels_`` like a scikit-learn clusterer."""

    def __init__(self, n_clusters, clusterer, seed):
        self.n_clusters, self.clusterer, self.seed = n_clusters, clusterer, seed

    def fit(self, X):
        self.labels_ = self.clusterer.fit_predict(umap_embedding(X, self.n_clusters, self.seed))
        return self


def warm_up_umap():
    """Compile UMAP's numba code before a fit is timed."""
    umap_embedding(np.random.RandomState(0).rand(300, 8), 2, 0)


def make_estimator(method, data, seed, params, flat=False):
    """The estimator of ``method`` for ``data``, and the parameters it was given.

    ``flat`` clusters images of any size as flat rows (the fully connected
    networks), as ``default_layout`` does below 16x16.
    """
    from sklearn.cluster import AgglomerativeClustering, KMeans, SpectralClustering

    from skdeepcluster.__main__ import METHODS, default_layout

    n = data.n_clusters
    if method in METHODS:
        # the estimator as a user builds it: n_clusters, and the image shape
        # for images that keep it (scaling="auto" picks min-max for pixels)
        image_shape = None if flat else default_layout(data.image_shape)
        accepted = METHODS[method]().get_params()
        given = {**({"image_shape": image_shape} if image_shape is not None else {}),
                 **{k: v for k, v in params.items() if k in accepted}}
        return METHODS[method](n, random_state=seed, **given), given
    if method == "k-means":
        return KMeans(n, n_init=10, random_state=seed), {"n_init": 10}
    if method == "ward":
        return AgglomerativeClustering(n, linkage="ward"), {"linkage": "ward"}
    if method == "spectral":
        given = {"affinity": "nearest_neighbors"}
        return SpectralClustering(n, random_state=seed, **given), given
    if method in ("umap-gmm", "umap-kmeans"):
        from sklearn.mixture import GaussianMixture

        if method == "umap-gmm":
            clusterer = GaussianMixture(n, covariance_type="full", random_state=seed)
        else:
            clusterer = KMeans(n, n_init=10, random_state=seed)
        given = {"umap": {**UMAP_PARAMS, "n_components": n}, **clusterer.get_params()}
        given = {k: given[k] for k in ("umap", "covariance_type", "n_init") if k in given}
        return UMAPThenCluster(n, clusterer, seed), given
    if method in ("clustpy-dec", "clustpy-idec"):
        deep = _import_clustpy()
        cls = deep.DEC if method == "clustpy-dec" else deep.IDEC
        given = {k: v for k, v in params.items() if k in ("pretrain_epochs", "clustering_epochs")}
        return cls(n, random_state=seed, **given), given
    raise ValueError(f"unknown method {method!r}")


def cluster(method, X, n_clusters, seed, params=None):
    """The labels of ``method`` (a name of :func:`make_estimator`) fitted on
    the flat rows ``X``, for scripts that score several methods on their own
    data."""
    data = types.SimpleNamespace(n_clusters=n_clusters, image_shape=None)
    estimator, _ = make_estimator(method, data, seed, params or {})
    return np.asarray(estimator.fit(X).labels_)


def fit_one(method, dataset, seed, params, flat=False):
    """Fit one method on one dataset with one seed; the row of results.csv (less memory)."""
    if method.startswith("clustpy"):
        os.environ["TQDM_DISABLE"] = "1"  # ClustPy's progress bars are always on
    from skdeepcluster.metrics import clustering_report

    data = load(dataset)
    estimator, given = make_estimator(method, data, seed, params, flat)
    if method.startswith("umap"):
        warm_up_umap()
    start, cpu_start = time.perf_counter(), time.process_time()
    labels = np.asarray(estimator.fit(data.data).labels_)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    scores = clustering_report(data.target, labels) if data.target is not None else {}
    return dict(dataset=dataset, method=method, seed=seed, n_samples=len(data.data),
                n_clusters=data.n_clusters, n_found=len(np.unique(labels)),
                **{k: scores.get(k, float("nan")) for k in SCORES},
                fit_s=seconds, cpu_s=cpu_seconds, status="ok", params=json.dumps(given, sort_keys=True))


def run_cell(method, dataset, seed, params, timeout, n_samples, flat=False):
    """One row of results.csv: a measured fit, or why there is none."""
    row = dict(dataset=dataset, method=method, seed=seed, n_samples=n_samples,
               **{k: float("nan") for k in (*SCORES, "fit_s", "cpu_s", "peak_mib")})
    if n_samples > MAX_SAMPLES.get(method, np.inf):
        return {**row, "status": f"skipped (> {MAX_SAMPLES[method]} samples)"}
    try:
        result = measure(fit_one, dict(method=method, dataset=dataset, seed=seed, params=params,
                                       flat=flat),
                         timeout=timeout)
    except TimeoutError:
        return {**row, "status": f"timeout ({timeout:g} s)"}
    except RuntimeError as exc:
        return {**row, "status": f"failed: {exc}"}
    return {k: result.get(k, "") for k in COLUMNS}


def summarize(rows):
    """Mean and standard deviation over seeds per (dataset, method), in run order."""
    cells = {}
    for r in rows:
        cells.setdefault((r["dataset"], r["method"]), []).append(r)
    out = []
    for (dataset, method), sel in cells.items():
        ok = [r for r in sel if r["status"] == "ok"]
        entry = dict(dataset=dataset, method=method, n_seeds=len(ok),
                     status="ok" if ok else sel[0]["status"])
        for key in (*SCORES, "fit_s", "cpu_s", "peak_mib", "n_found"):
            values = np.array([float(r.get(key) or "nan") for r in ok], dtype=float)
            finite = values[np.isfinite(values)]
            entry[f"{key}_mean"] = float(finite.mean()) if finite.size else float("nan")
            entry[f"{key}_std"] = float(finite.std()) if finite.size else float("nan")
        out.append(entry)
    return out


def render(summary):
    """The summary as a reStructuredText grid of mean ± std (what doc/results.rst shows)."""
    def cell(e, key, fmt):
        if not np.isfinite(e[f"{key}_mean"]):
            return "\\-"
        return f"{e[f'{key}_mean']:{fmt}} ± {e[f'{key}_std']:{fmt}}"

    header = ("dataset", "method", "seeds", "ACC", "NMI", "ARI", "clusters", "fit s", "CPU s", "peak MiB")
    body = [(e["dataset"], e["method"], str(e["n_seeds"]),
             *(cell(e, k, ".3f") for k in SCORES), cell(e, "n_found", ".1f"), cell(e, "fit_s", ".1f"),
             cell(e, "cpu_s", ".1f"),
             f"{e['peak_mib_mean']:.0f}" if np.isfinite(e["peak_mib_mean"]) else e["status"])
            for e in summary]
    widths = [max(len(r[i]) for r in (header, *body)) for i in range(len(header))]
    rule = "  ".join("=" * w for w in widths)
    lines = [rule, "  ".join(h.ljust(w) for h, w in zip(header, widths)), rule]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in body]
    return "\n".join([*lines, rule])


def plot(summary, folder):
    """Bar charts per dataset: ACC, NMI (mean, std error bars) and fit time; their paths."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from skdeepcluster.__main__ import METHODS

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for dataset in dict.fromkeys(e["dataset"] for e in summary):
        sel = [e for e in summary if e["dataset"] == dataset and e["n_seeds"]]
        names = [e["method"] for e in sel]
        fig, axes = plt.subplots(1, 3, figsize=(13, 3.6))
        for ax, key in zip(axes, ("ACC", "NMI", "fit_s")):
            ax.bar(names, [e[f"{key}_mean"] for e in sel], yerr=[e[f"{key}_std"] for e in sel],
                   capsize=3, color=["tab:orange" if m in METHODS else "tab:blue" for m in names])
            ax.set_title({"fit_s": "fit time (s, log scale)"}.get(key, key))
            if key == "fit_s":
                ax.set_yscale("log")
            else:
                ax.set_ylim(0, 1)
            ax.tick_params(axis="x", rotation=45)
        fig.suptitle(f"{dataset}: mean ± std over seeds (orange: skdeepcluster, blue: peers)")
        fig.tight_layout()
        path = folder / f"compare_{dataset.replace(':', '_')}.png"
        fig.savefig(path, dpi=90)
        plt.close(fig)
        paths.append(path)
    return paths


def write_csv(path, rows, columns):
    with open(path, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def conditions():
    """What the numbers depend on: machine, threads, versions, load."""
    import sklearn
    import torch

    return dict(date=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                machine=platform.processor() or platform.machine(), cpu_count=os.cpu_count(),
                torch_threads=torch.get_num_threads(), torch=torch.__version__,
                sklearn=sklearn.__version__, python=sys.version.split()[0],
                load_average_1min=os.getloadavg()[0])


def build_parser():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", nargs="+", help=f"default: {' '.join(DEFAULT_DATASETS)} "
                        f"({' '.join(QUICK_DATASETS)} with --quick)")
    parser.add_argument("--methods", nargs="+",
                        help="default: every method of ours and every peer available")
    parser.add_argument("--seeds", type=int, nargs="+",
                        help="default: 0 1 2 (0 with --quick)")
    parser.add_argument("--quick", action="store_true",
                        help=f"small budgets for regression checks: {QUICK_PARAMS}")
    parser.add_argument("--params", default="{}",
                        help="JSON of parameters for every method that has them (overrides --quick's)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per fit (default 1800)")
    parser.add_argument("--out", default="benchmarks/results/compare",
                        help="folder for results.csv, summary.csv, summary.rst, conditions.json")
    parser.add_argument("--plot", nargs="?", const="doc/images", metavar="DIR",
                        help="also draw the bar charts into DIR (default doc/images)")
    parser.add_argument("--from-csv", nargs="+", metavar="CSV",
                        help="fit nothing: summarise (and --plot) the rows of these results.csv files")
    parser.add_argument("--flat", action="store_true",
                        help="cluster images of every size as flat rows with "
                             "our fully connected networks (default: 16x16 and larger keep "
                             "their shape and get the convolutional networks)")
    parser.add_argument("--shared", action="store_true",
                        help="note in the conditions that other jobs shared the machine")
    return parser


def report(rows, out, plot_dir=None):
    """Write summary.csv and summary.rst into ``out``, draw the charts; the summary."""
    summary = summarize(rows)
    write_csv(out / "summary.csv", summary, list(summary[0]))
    table = render(summary)
    (out / "summary.rst").write_text(table + "\n")
    print(table)
    for path in plot(summary, plot_dir) if plot_dir else ():
        print(f"# chart: {path}")
    return summary


def main(argv=None):
    args = build_parser().parse_args(argv)
    from skdeepcluster.__main__ import METHODS

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.from_csv:
        rows = []
        for path in args.from_csv:
            with open(path, newline="") as handle:
                rows += list(csv.DictReader(handle))
        write_csv(out / "results.csv", rows, COLUMNS)
        return rows, report(rows, out, args.plot)

    datasets = args.datasets or (QUICK_DATASETS if args.quick else DEFAULT_DATASETS)
    seeds = args.seeds or ([0] if args.quick else [0, 1, 2])
    params = {**(QUICK_PARAMS if args.quick else {}), **json.loads(args.params)}
    methods = args.methods or [*METHODS, *PEERS]
    unknown = [m for m in methods if m not in METHODS and m not in PEERS]
    if unknown:
        raise SystemExit(f"error: unknown method(s) {unknown}; choose from {[*METHODS, *PEERS]}.")
    info = dict(conditions(), command=" ".join(["python benchmarks/compare.py", *sys.argv[1:]])
                if argv is None else " ".join(argv), shared_machine=args.shared,
                datasets=list(datasets), seeds=seeds, params=params, timeout_s=args.timeout,
                flat=args.flat)
    if any(m.startswith("clustpy") for m in methods) and not clustpy_available():
        print("# clustpy is not importable: ClustPy's DEC and IDEC are skipped "
              "(pip install clustpy to measure them)", flush=True)
        methods = [m for m in methods if not m.startswith("clustpy")]
        info["clustpy"] = None
    if any(m.startswith("umap") for m in methods) and not umap_available():
        print("# umap-learn is not importable: UMAP + GMM and UMAP + k-means are skipped "
              "(pip install umap-learn to measure them)", flush=True)
        methods = [m for m in methods if not m.startswith("umap")]
        info["umap"] = None
    print("# " + json.dumps(info), flush=True)

    rows, started = [], time.perf_counter()
    for dataset in datasets:
        data = load(dataset)
        n_samples = len(data.data)
        if sorted_by_class(data) and any(m.startswith("umap") for m in methods):
            print(f"# warning: the rows of {dataset} come sorted by class, an order UMAP's layout "
                  f"can read; measure on {dataset}{SHUFFLED} for figures that do not depend "
                  "on it", flush=True)
        del data
        for method in methods:
            for seed in seeds:
                row = run_cell(method, dataset, seed, params, args.timeout, n_samples, args.flat)
                rows.append(row)
                print(json.dumps(row), flush=True)
                write_csv(out / "results.csv", rows, COLUMNS)
    info.update(total_s=round(time.perf_counter() - started, 1), load_average_1min_end=os.getloadavg()[0])
    (out / "conditions.json").write_text(json.dumps(info, indent=1) + "\n")
    summary = report(rows, out, args.plot)
    print(f"# total {info['total_s']:.0f} s; load average {info['load_average_1min']:.1f} at the "
          f"start, {info['load_average_1min_end']:.1f} at the end")
    return rows, summary


if __name__ == "__main__":
    main()

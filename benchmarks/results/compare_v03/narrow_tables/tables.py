"""Exploratory (issue 14, goal 4): where a narrow table of measured variables
should stop starting from its own Gaussian mixture. Each estimator, built
with ``n_clusters`` alone, fits the same standardised table twice: as it is
(``auto``: the table's mixture, :ref:`results_decorrelated`) and with the
path of wide inputs (``codes``: DEPICT and DAMIC ``init_on="codes"``, JULE
``final_clustering="rc"``, DiscriminativeLatentClustering's start of
non-tables). Tables: those of
:ref:`results_decorrelated` (iris, wine, breast cancer, the smaller mlbench
sets, 3-D blobs of unequal sizes), six more held-out tables
(``export_more.R``: mlbench's waveform, twonorm, threenorm and ringnorm
generators, MASS's crabs and biopsy), the larger mlbench sets at full size, on a random
subsample of a few thousand rows (does the size or the kind decide?) and as
shipped (not standardised), and
synthetic Gaussian sets at 1,500 and at 10,000+ rows::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/narrow_tables/tables.py /tmp/mlbench SETS METHODS VARIANTS SEEDS > OUT.txt

More folders after the first, comma-separated (``/tmp/mlbench,/tmp/heldout``),
add every table they hold by file name.

SETS ("all" for every set), METHODS (depict, damic, jule, ddlsc; the
peers kmeans and umapgmm fit once, whatever the variants), VARIANTS
(auto, codes) and SEEDS are comma-separated. One line per fit: ACC / NMI /
ARI, CPU seconds, the start chosen.
"""
import glob, itertools, os, sys, time, warnings
import numpy as np
warnings.filterwarnings("ignore")
import torch
torch.set_num_threads(1)
from sklearn.datasets import make_blobs, make_classification
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "mixture_start"))
sys.path.insert(0, os.path.join(HERE, "..", "decorrelated"))
from probe import PEER_NAMES, cluster, load  # noqa: E402
from estimators import sets as narrow_sets  # noqa: E402
import skdeepcluster as sk  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402


class DDLSCCodes(sk.DiscriminativeLatentClustering):
    """The start of inputs that are not narrow tables."""

    def _narrow_table(self, X, n_clusters):
        return False


METHODS = {"depict": sk.DEPICTClustering, "damic": sk.DAMICClustering,
           "ddlsc": sk.DiscriminativeLatentClustering, "jule": sk.JULEClustering}
CODES = {"depict": (sk.DEPICTClustering, {"init_on": "codes"}),
         "damic": (sk.DAMICClustering, {"init_on": "codes"}),
         "jule": (sk.JULEClustering, {"final_clustering": "rc"}),
         "ddlsc": (DDLSCCodes, {})}


#: The smaller held-out tables of :ref:`results_decorrelated`.
MLBENCH_SMALL = ("Zoo", "Vowel", "PimaIndiansDiabetes", "Glass", "Vehicle", "Ionosphere", "Sonar")

#: More held-out tables (``export_more.R``): mlbench's generators and MASS's
#: crabs (species x sex) and biopsy.
MORE_TABLES = ("Waveform", "Twonorm", "Threenorm", "Ringnorm", "Crabs", "Biopsy")


def load_raw(folder, name):
    """The rows of ``name`` as the CSV holds them, not standardised."""
    return np.loadtxt(os.path.join(folder, name + ".csv"), delimiter=",", skiprows=1,
                      usecols=range(len(open(os.path.join(folder, name + ".csv")).readline().split(",")) - 1))


def subsample(X, y, n, seed=0):
    rows = np.sort(np.random.RandomState(seed).choice(len(X), n, replace=False))
    return X[rows], y[rows]


def sets(folder):
    for name, X, y in narrow_sets(folder):
        if name.startswith(("iris", "wine", "breast", "unequal")) or name in MLBENCH_SMALL:
            yield name, X, y
    for name in MORE_TABLES:
        yield name, *load(folder, name)
    for name, n in (("Satellite", 2000), ("LetterRecognition", 3000), ("Shuttle", 3000)):
        X, y = load(folder, name)
        Xs, ys = subsample(X, y, n)
        yield f"{name} {n}", Xs, ys
        yield name, X, y
        yield f"{name} as shipped", load_raw(folder, name), y
    sizes = np.array([50, 100, 200, 400, 800, 1600])
    for scale in (4,):
        X, y = make_blobs(sizes * scale, n_features=3, cluster_std=[0.5, 1, 1.5, 1, 0.8, 2], random_state=3)
        yield f"unequal 3-D blobs x{scale}", X, y
    for n in (1500, 10000):
        X, y = make_classification(n, n_features=20, n_informative=10, n_classes=6, n_clusters_per_class=1,
                                   class_sep=1.0, random_state=0)
        yield f"make_classification {n}", X, y
        X, y = make_blobs(n, n_features=10, centers=10, cluster_std=2.5, center_box=(-8, 8), random_state=20)
        yield f"wide blobs {n}", X, y


def mixture_tables(folder):
    """The sets of :func:`sets` that the mixture-level scripts (``em_tol.py``,
    ``statistics.py``, ``shrinkage.py``) read: all but the unscaled copies,
    Shuttle and the full LetterRecognition."""
    for name, X, y in sets(folder):
        if not ("shipped" in name or name.startswith("Shuttle") or name == "LetterRecognition"):
            yield name, X, y


def heldout_sets(folder):
    """Every table of ``folder`` (CSV files in the layout of
    ``mixture_start/export.R``, such as ``quantum_floor/export_heldout.R``
    writes), by file name."""
    for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
        name = os.path.basename(path)[:-4]
        yield name, *load(folder, name)


def kmeans_then_em(X, y, variants, seeds=(0, 1, 2)):
    """The mixture-level probes' measurement: for each seed the best of
    ``MIXTURE_KMEANS_MIN_INITS`` k-means runs of the standardised ``X``,
    then each variant of EM from its partition (a function of the rows,
    the k-means labels, the number of clusters and the seed that returns
    labels, or raises ``ValueError`` or ``LinAlgError`` where the package
    falls back to k-means). The mean ACC over the seeds of k-means, then of
    each variant."""
    from sklearn.cluster import KMeans
    from skdeepcluster import mixture

    X = StandardScaler().fit_transform(X).astype(np.float64)
    k = len(np.unique(y))
    rows = []
    for seed in seeds:
        kmeans = KMeans(k, n_init=mixture.MIXTURE_KMEANS_MIN_INITS, random_state=seed).fit(X)
        row = [clustering_report(y, kmeans.labels_)["ACC"]]
        for variant in variants:
            try:
                row.append(clustering_report(y, variant(X, kmeans.labels_, k, seed))["ACC"])
            except (ValueError, np.linalg.LinAlgError):
                row.append(row[0])
        rows.append(row)
    return np.mean(rows, axis=0)


def main(folders, only, methods, variants, seeds):
    first, *more = folders.split(",")
    for name, X, y in itertools.chain(sets(first), *map(heldout_sets, more)):
        if only and name not in only:
            continue
        if not name.endswith("as shipped"):
            X = StandardScaler().fit_transform(X)
        X = X.astype(np.float32)
        k = len(np.unique(y))
        print(f"# {name}: {X.shape[0]} x {X.shape[1]}, {k} classes", flush=True)
        for method in methods:
            for variant in (["peer"] if method in PEER_NAMES else variants):
                rows = []
                for seed in seeds:
                    t = time.process_time()
                    if variant == "peer":
                        labels, start = cluster(PEER_NAMES[method], X, k, seed, {}), None
                    else:
                        cls, params = (METHODS[method], {}) if variant == "auto" else CODES[method]
                        m = cls(k, random_state=seed, **params).fit(X)
                        labels = m.labels_
                        start = getattr(m, "init_", getattr(m, "final_clustering_", None))
                    r = clustering_report(y, labels)
                    rows.append((r["ACC"], r["NMI"], r["ARI"], time.process_time() - t))
                    print(f"  {name} {method} {variant} seed {seed}: {r['ACC']:.3f} / {r['NMI']:.3f} / {r['ARI']:.3f}"
                          f"  {rows[-1][3]:.1f} s CPU  start {start}", flush=True)
                a = np.mean(rows, axis=0)
                print(f"{name:26s} {method:6s} {variant:6s} mean {a[0]:.3f} / {a[1]:.3f} / {a[2]:.3f}"
                      f"  {a[3]:.1f} s CPU", flush=True)


if __name__ == "__main__":
    only = None if sys.argv[2] == "all" else sys.argv[2].split(",")
    main(sys.argv[1], only, sys.argv[3].split(","), sys.argv[4].split(","),
         [int(s) for s in sys.argv[5].split(",")])

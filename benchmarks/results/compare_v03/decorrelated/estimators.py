"""Exploratory (issue 14, goals 3 and 4): DEPICT, DAMIC and
DiscriminativeLatentClustering (and JULE, ``jule``) built with ``n_clusters`` alone on narrow
inputs of two kinds: tables of measured variables (iris, wine, breast
cancer, the held-out mlbench tables, all standardised; 3-D Gaussian blobs of
unequal sizes) and principal components of images (the digits and 3,000
Fashion-MNIST images reduced to 10-40 components, on the rows they were
fitted on and, for Fashion-MNIST, on other rows), and the coordinates of
truncated SVDs (the same images; the fortunes corpus's tf-idf rows, latent
semantic analysis in 10-50 components). Prints each set's largest
absolute correlation between two columns, the start the estimator chose
(``init_``; JULE's ``final_clustering_``), its ACC and the fit's ACC / NMI,
mean of the seeds::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/decorrelated/estimators.py /tmp/mlbench depict,damic,ddlsc 0,1,2 > out.txt

``PYTHONPATH`` set to another copy of the package measures that code.
An optional fourth argument names the sets (comma-separated, "all" for
every set) to run, a fifth the estimators' parameters besides ``n_clusters``
and ``random_state`` (JSON).
"""
import json, os, sys, time, warnings
import numpy as np
warnings.filterwarnings("ignore")
import torch
torch.set_num_threads(1)
from sklearn.datasets import load_breast_cancer, load_iris, load_wine, make_blobs
from sklearn.decomposition import PCA, TruncatedSVD
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "mixture_start"))
from probe import load  # noqa: E402
import skdeepcluster as sk  # noqa: E402
from skdeepcluster.datasets import load_dataset, load_fortunes_tfidf  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

METHODS = {"depict": sk.DEPICTClustering, "damic": sk.DAMICClustering,
           "ddlsc": sk.DiscriminativeLatentClustering, "jule": sk.JULEClustering}
MLBENCH = ("Zoo", "Vowel", "PimaIndiansDiabetes", "Glass", "Vehicle", "Ionosphere", "Sonar")


def sets(folder):
    for name, f in (("iris", load_iris), ("wine", load_wine), ("breast_cancer", load_breast_cancer)):
        d = f()
        yield name, StandardScaler().fit_transform(d.data), d.target
    for name in MLBENCH:
        yield name, *load(folder, name)
    X, y = make_blobs([50, 100, 200, 400, 800, 1600], n_features=3, cluster_std=[0.5, 1, 1.5, 1, 0.8, 2],
                      random_state=3)
    yield "unequal 3-D blobs", X, y
    digits = load_dataset("digits")
    Xd = digits.data.reshape(len(digits.data), -1) / 16.0
    for d in (10, 20, 40):
        yield f"digits PCA {d}", PCA(d, random_state=0).fit_transform(Xd), digits.target
    fm = load_dataset("fashion_mnist")
    Xf = fm.data.reshape(len(fm.data), -1).astype(np.float64) / 255.0
    for d in (10, 30):
        yield f"FM 3000 PCA {d}", PCA(d, random_state=0).fit_transform(Xf[:3000]), fm.target[:3000]
    pca = PCA(10, random_state=0).fit(Xf[3000:13000])
    yield "FM 3000 PCA 10 (other rows)", pca.transform(Xf[:3000]), fm.target[:3000]
    # Truncated SVD (not centred, so not decorrelated but orthogonal
    # columns): images, and the latent semantic analysis of text.
    for d in (10, 30):
        yield f"FM 3000 SVD {d}", TruncatedSVD(d, random_state=0).fit_transform(Xf[:3000]), fm.target[:3000]
    fortunes = load_fortunes_tfidf()
    for d in (10, 20, 50):
        yield f"fortunes LSA {d}", TruncatedSVD(d, random_state=0).fit_transform(fortunes.data), fortunes.target


def max_correlation(X):
    C = np.corrcoef(X, rowvar=False)
    return np.abs(C[~np.eye(len(C), dtype=bool)]).max()


def main(folder, methods, seeds, only=None, params=None):
    for name, X, y in sets(folder):
        if only and name not in only:
            continue
        X = np.asarray(X, dtype=np.float32)
        k = len(np.unique(y))
        for method in methods:
            rows, inits = [], set()
            for seed in seeds:
                t = time.process_time()
                m = METHODS[method](k, random_state=seed, **(params or {})).fit(X)
                # JULE has no start: its final clustering stands in the columns
                start = getattr(m, "init_labels_", m.labels_)
                r0, r = clustering_report(y, start), clustering_report(y, m.labels_)
                rows.append((r0["ACC"], r["ACC"], r["NMI"], time.process_time() - t))
                inits.add(getattr(m, "init_", getattr(m, "final_clustering_", None)))
            a = np.mean(rows, axis=0)
            print(f"{name:28s} max|r| {max_correlation(X):.3f} {method:6s} init_ {'/'.join(sorted(inits)):9s}"
                  f" start ACC {a[0]:.3f}  labels_ ACC / NMI {a[1]:.3f} / {a[2]:.3f}"
                  f"  ({', '.join(f'{r[1]:.3f}' for r in rows)})  {a[3]:.1f} s CPU", flush=True)


if __name__ == "__main__":
    only = sys.argv[4].split(",") if len(sys.argv) > 4 and sys.argv[4] != "all" else None
    main(sys.argv[1], sys.argv[2].split(","), [int(s) for s in sys.argv[3].split(",")], only,
         json.loads(sys.argv[5]) if len(sys.argv) > 5 else None)

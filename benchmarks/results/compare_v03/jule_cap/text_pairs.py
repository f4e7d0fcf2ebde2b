"""Exploratory: JULE with n_clusters=2 alone on two-category text (fortune
categories as tf-idf, manual-page sections), rows shuffled as in the text
benchmarks, beside k-means. Usage: text_pairs.py SEEDS"""
import os, sys, warnings, numpy as np
warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
from sklearn.cluster import KMeans
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "text_order"))
from text_data import shuffled  # noqa: E402
from manpages import load as load_manpages  # noqa: E402
import skdeepcluster as sk  # noqa: E402
from skdeepcluster.datasets import load_fortunes_tfidf  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

PAIRS = [("fortunes", ("linux", "startrek")), ("fortunes", ("food", "law")),
         ("fortunes", ("art", "science")), ("fortunes", ("debian", "love")),
         ("fortunes", ("riddles", "politics")), ("man", ("2", "3")), ("man", ("1", "8"))]
seeds = [int(s) for s in sys.argv[1].split(",")]
for kind, cats in PAIRS:
    if kind == "man":
        X, y = load_manpages(cats)
    else:
        d = load_fortunes_tfidf(cats); X, y = d.data, d.target
    X, y = shuffled(X, y, 0)
    km = clustering_report(y, KMeans(2, n_init=10, random_state=0).fit_predict(X))
    print(f"{kind} {'/'.join(cats)}: {X.shape}, sizes {np.bincount(y).tolist()}; k-means {km['ACC']:.3f} / {km['NMI']:.3f}", flush=True)
    for s in seeds:
        lab = sk.JULEClustering(2, random_state=s).fit(X).labels_
        r = clustering_report(y, lab)
        print(f"  JULEClustering seed {s}: {r['ACC']:.3f} / {r['NMI']:.3f}  sizes {np.bincount(lab, minlength=2).tolist()}", flush=True)

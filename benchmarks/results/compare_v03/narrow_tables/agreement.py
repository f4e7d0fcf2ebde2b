"""Exploratory (issue 14, goal 4), tried and dropped: can the two final
partitions of JULE on a narrow table be told apart without labels? For
each standardised table (seed 0): the table's mixture M (JULE's
``final_clustering="gmm"``), JULE-RC on the learned embedding C
(``final_clustering="rc"``) and k-means K; their ACC, their pairwise ARI,
and the silhouettes of M and C in the input and in the embedding::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/narrow_tables/agreement.py "iris,wine,breast_cancer,Zoo,Vowel,PimaIndiansDiabetes,Glass,Vehicle,Ionosphere,Sonar,unequal 3-D blobs,Waveform,Crabs,Biopsy,Satellite 2000,LetterRecognition 3000" > agreement.txt
"""
import os, sys, warnings
import numpy as np
warnings.filterwarnings("ignore")
import torch
torch.set_num_threads(1)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tables  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.metrics import adjusted_rand_score as ari, silhouette_score  # noqa: E402
import skdeepcluster as sk  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402
from skdeepcluster.mixture import mixture_clustering  # noqa: E402
want = sys.argv[1].split(",")
for name, X, y in tables.sets("/tmp/mlbench"):
    if name not in want: continue
    X = StandardScaler().fit_transform(X).astype(np.float32); k = len(np.unique(y))
    m = sk.JULEClustering(k, random_state=0, final_clustering="rc").fit(X)
    C = m.labels_; E = m.transform(X)
    M = mixture_clustering(X.astype(np.float64), k, random_state=0)
    K = KMeans(k, n_init=10, random_state=0).fit_predict(X)

    def acc(labels):
        return clustering_report(y, labels)["ACC"]

    def sil(Z, labels):
        return silhouette_score(Z, labels) if len(np.unique(labels)) > 1 else np.nan

    print(f"{name:24s} ACC M {acc(M):.3f} C {acc(C):.3f} K {acc(K):.3f} | ARI MK {ari(M,K):.2f} CK {ari(C,K):.2f} MC {ari(M,C):.2f} | silX M {sil(X,M):.2f} C {sil(X,C):.2f} | silE M {sil(E,M):.2f} C {sil(E,C):.2f}", flush=True)

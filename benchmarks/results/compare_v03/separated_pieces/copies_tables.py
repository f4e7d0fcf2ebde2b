"""Exploratory: which narrow tables have repeated rows, and do their
neighbour graphs fall apart into pieces only because of the copies?"""
import itertools, sys, os, numpy as np, warnings
warnings.filterwarnings("ignore")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "narrow_tables"))
from tables import sets, heldout_sets
from sklearn.preprocessing import StandardScaler
from skdeepcluster.graph import separated_pieces
from skdeepcluster.mixture import mixture_clustering
from skdeepcluster.metrics import clustering_report
NAMES = "iris,wine,breast_cancer,Zoo,Vowel,PimaIndiansDiabetes,Glass,Vehicle,Ionosphere,Sonar,unequal 3-D blobs,Waveform,Twonorm,Threenorm,Ringnorm,Crabs,Biopsy,Satellite 2000,LetterRecognition 3000,Satellite,Banknote,Cats,Diabetes,HouseVotes84,Olive areas,Olive regions,Penguins,Pima without zeros,Shuttle 5000,Thyroid".split(",")
for name, X, y in itertools.chain(sets("/tmp/mlbench"), heldout_sets("/tmp/heldout")):
    if name not in NAMES:
        continue
    X = StandardScaler().fit_transform(X).astype(np.float32).astype(np.float64)
    k = len(np.unique(y))
    nd = len(np.unique(X, axis=0))
    a = separated_pieces(X, k)
    b = separated_pieces(X, k, distinct=True)
    fa = "-" if a is None else "%.3f" % clustering_report(y, a)["ACC"]
    fb = "-" if b is None else "%.3f" % clustering_report(y, b)["ACC"]
    mix = clustering_report(y, mixture_clustering(X, k, random_state=0))["ACC"]
    print(f"{name:24s} n={len(X):5d} distinct={nd:5d} ({1-nd/len(X):.0%} copies) pieces {fa} distinct-pieces {fb} mixture(s0) {mix:.3f}", flush=True)

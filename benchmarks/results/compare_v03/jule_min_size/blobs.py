"""scikit-learn's check_clustering blobs (50 points, 3 blobs, standardised):
JULEClustering(3) against k-means, ARI, seeds 0-5. Run from the repository root:
OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/jule_min_size/blobs.py
"""
import time
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler
from sklearn.utils import shuffle
import skdeepcluster
from skdeepcluster import JULEClustering

print(skdeepcluster.__file__)
X, y = make_blobs(n_samples=50, random_state=1)
X, y = shuffle(X, y, random_state=7)
X = StandardScaler().fit_transform(X)
t = time.process_time()
for s in range(6):
    j = adjusted_rand_score(y, JULEClustering(3, random_state=s).fit(X).labels_)
    k = adjusted_rand_score(y, KMeans(3, random_state=s).fit(X).labels_)
    print(f"seed {s}: JULE ARI {j:.3f}  k-means ARI {k:.3f}")
print(f"CPU {time.process_time() - t:.1f} s")

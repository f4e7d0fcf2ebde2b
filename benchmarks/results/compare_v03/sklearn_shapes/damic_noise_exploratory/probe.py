import numpy as np, warnings, time, torch, sys
warnings.filterwarnings("ignore"); torch.set_num_threads(1)
from sklearn.datasets import make_blobs, make_moons, make_circles, load_iris, load_wine, load_breast_cancer
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import adjusted_rand_score as ari
from skdeepcluster.metrics import clustering_accuracy as acc
import skdeepcluster as sk
sets={}
for n in [500,1500]:
    sets[f"blobs{n}"]=make_blobs(n, random_state=30)
    sets[f"varied{n}"]=make_blobs(n, cluster_std=[1.0, 2.5, 0.5], random_state=170)
    X,y=make_blobs(n, random_state=170); sets[f"aniso{n}"]=(X@np.array([[0.6, -0.6], [-0.4, 0.8]]),y)
    sets[f"circles{n}"]=make_circles(n, factor=0.5, noise=0.05, random_state=30)
for nm,l in [("iris",load_iris),("wine",load_wine),("bc",load_breast_cancer)]:
    d=l(); sets[nm]=(StandardScaler().fit_transform(d.data), d.target)
for name,(X,y) in sets.items():
    k=len(np.unique(y)); r=[]; t=time.process_time()
    for seed in [0,1]:
        m=sk.DAMICClustering(k, random_state=seed).fit(X)
        r.append((ari(y,m.labels_), acc(y,m.labels_)))
    r=np.array(r); print(f"{name:10s} ARI {r[:,0].mean():.3f} ({' '.join(f'{v:.3f}' for v in r[:,0])}) ACC {r[:,1].mean():.3f}  {(time.process_time()-t)/2:.1f}s", flush=True)

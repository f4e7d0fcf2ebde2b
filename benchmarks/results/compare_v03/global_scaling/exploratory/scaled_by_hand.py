import numpy as np, warnings, os, torch, sys
warnings.filterwarnings("ignore"); torch.set_num_threads(1)
from sklearn.datasets import make_blobs, make_moons, make_circles, load_iris, load_wine, load_breast_cancer
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score as ari
import skdeepcluster as sk
rng=np.random.RandomState(0)
S="/usr/share/pyclustering/samples/samples/simple"
sets={}
for nm,l in [("iris",load_iris),("wine",load_wine),("bc",load_breast_cancer)]:
    d=l(); sets[nm]=(d.data, d.target)
X,y=make_blobs(1000, n_features=10, centers=5, cluster_std=1.5, center_box=(-4,4), random_state=7)
sets["hd200_k5"]=(np.hstack([X, rng.normal(size=(1000,190))]), y)
X,y=make_blobs(1500, n_features=4, centers=5, random_state=5); sets["noisefeat"]=(np.hstack([X, np.random.RandomState(0).normal(size=(1500,16))*3]), y)
sets["moons"]=make_moons(1000, noise=0.05, random_state=0)
sets["circles"]=make_circles(1000, noise=0.05, factor=0.5, random_state=0)
sets["varied"]=make_blobs(1500, cluster_std=[1.0, 2.5, 0.5], random_state=170)
X,y=make_blobs(1500, random_state=170); sets["aniso"]=(X@np.array([[0.6, -0.6], [-0.4, 0.8]]),y)
for name in sorted(os.listdir(S)):
    if name.endswith(".data") and os.path.exists(os.path.join(S, name[:-5] + ".answer")):
        X = np.loadtxt(os.path.join(S, name)); yy = np.loadtxt(os.path.join(S, name[:-5] + ".answer"), dtype=str)
        if len(np.unique(yy)) >= 2 and len(yy) == len(X): sets[name[:-5]]=(X.reshape(len(X),-1), np.unique(yy, return_inverse=True)[1])
meth=sys.argv[1] if len(sys.argv)>1 else None
ONLY=os.environ.get("ONLY")
for name,(X,y) in sets.items():
    if ONLY and name not in ONLY.split(","): continue
    k=len(np.unique(y)); sd=X.std(0); v=sd>0; ratio=sd[v].max()/sd[v].min()
    Xs=(X-X.mean(0))/np.where(sd>0,sd,1); Xg=(X-X.mean(0))/np.sqrt(np.mean(sd[v]**2))
    line=f"{name:10s} d={X.shape[1]:3d} ratio {ratio:9.1f}  kmeans std {ari(y,KMeans(k,n_init=10,random_state=0).fit_predict(Xs)):.3f} glob {ari(y,KMeans(k,n_init=10,random_state=0).fit_predict(Xg)):.3f}"
    if meth:
        a=ari(y,getattr(sk,meth)(k,random_state=0,scaling="standard").fit_predict(X)); b=ari(y,getattr(sk,meth)(k,random_state=0,scaling=None).fit_predict(Xg))
        line+=f"  {meth[:6]} std {a:.3f} glob {b:.3f}"
    print(line, flush=True)

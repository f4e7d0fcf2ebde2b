"""Exploratory: share of DiscriminativeLatentClustering's anchor pairs (3 nearest in
random batches of 1,000, ten batches) that join two samples of one class, on the scaled
input rows and on the normalised pretrained codes (seed 0, ``n_epochs=0``)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/tried_1205b/anchor_purity.py digits|fashion_mnist
"""
import sys, numpy as np, torch
sys.path.insert(0, 'benchmarks')
from compare import load
from skdeepcluster import DiscriminativeLatentClustering as D
from skdeepcluster.geometry import select_anchors
torch.set_num_threads(1)
name=sys.argv[1]
d=load(name); y=torch.as_tensor(d.target)
m=D(d.n_clusters, n_epochs=0, random_state=0).fit(d.data)
Z=torch.as_tensor(m.transform(d.data), dtype=torch.float32); Z=Z/Z.norm(dim=1,keepdim=True)
X=torch.as_tensor(d.data, dtype=torch.float32)
g=torch.Generator().manual_seed(0)
for space, V in [('input', X), ('codes', Z)]:
    pur=[]
    for b in range(10):
        idx=torch.randperm(len(X),generator=g)[:1000]
        A=select_anchors(V[idx],3,1.0); r,c=A.nonzero(as_tuple=True)
        pur.append((y[idx][r]==y[idx][c]).float().mean().item())
    print(name, space, round(float(np.mean(pur)),4), flush=True)

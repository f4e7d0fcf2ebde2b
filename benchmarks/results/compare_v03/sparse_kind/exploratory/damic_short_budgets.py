import warnings; warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
from skdeepcluster import DAMICClustering
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report
d = load_fortunes_tfidf()
for kw in [dict(n_pretrain_epochs=2, n_cluster_pretrain_epochs=2, n_epochs=2), dict(n_pretrain_epochs=2, n_cluster_pretrain_epochs=10, n_epochs=2)]:
    m = DAMICClustering(5, device="cpu", random_state=0, **kw).fit(d.data)
    print(kw, clustering_report(d.target, m.init_labels_), clustering_report(d.target, m.labels_), flush=True)

"""
===================================
JULE on the digits, next to k-means
===================================

Cluster the 1,797 handwritten digits bundled with scikit-learn with
:class:`~skdeepcluster.JULEClustering`, which merges small clusters by graph
degree linkage while training a network on the current clusters, and compare
with :class:`~sklearn.cluster.KMeans`. Then follow the recurrent process
period by period through ``history_``, and assign new samples with
``predict``.

The digits are passed as flat rows, so JULE uses its MLP. The script fits
JULE twice and takes under a minute on two CPU cores.
"""

# %%
# Fit k-means and JULE
# --------------------
# JULE scales the pixels together to [0, 1] (``scaling="auto"`` is
# ``"minmax"`` for it). The labels are used only to score the clusterings.
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.model_selection import train_test_split

from skdeepcluster import JULEClustering
from skdeepcluster.datasets import load_digits
from skdeepcluster.metrics import clustering_report

digits = load_digits()
X, y = digits.data, digits.target

kmeans_labels = KMeans(n_clusters=10, n_init=10, random_state=0).fit_predict(X)
jule = JULEClustering(n_clusters=10, device="cpu", random_state=0)
jule_labels = jule.fit_predict(X)

for name, labels in [("k-means", kmeans_labels), ("JULE-RC", jule_labels), ("JULE-SF", jule.sf_labels_)]:
    report = clustering_report(y, labels)
    print(f"{name:8s} ACC {report['ACC']:.3f}  NMI {report['NMI']:.3f}  ARI {report['ARI']:.3f}")

# %%
# The periods
# -----------
# The process starts from nearest-neighbour chains of a few samples each,
# merges ``ceil(0.9 * n)`` of the ``n`` current clusters per period, and
# trains the network for 20 epochs on the weighted triplet loss after each
# forward pass. ``history_`` keeps one record per epoch.
print(f"{jule.n_initial_clusters_} initial chains, {jule.n_periods_} periods")
history = pd.DataFrame(jule.history_)
print(history.groupby("phase").agg(clusters=("n_clusters", "first"), last_loss=("loss", "last")))

# %%
# Clusters merging period by period
# ---------------------------------
# Each period first merges clusters on the graph of the current embedding,
# then trains the network on the merged clusters; every record of
# ``history_`` holds the number of clusters its period trained on
# (``n_clusters``). With ``eta=0.9`` that number falls about tenfold per
# period until ``n_clusters`` remain; the initial chains are drawn as
# period 0. On the right, the triplet loss within every period.
periods = history.groupby("phase", sort=False)
counts = [jule.n_initial_clusters_] + [int(r["n_clusters"].iloc[0]) for _, r in periods]

fig, (ax_clusters, ax_loss) = plt.subplots(1, 2, figsize=(11, 3.5))
ax_clusters.step(range(len(counts)), counts, where="post", marker="o")
for period, count in enumerate(counts):
    ax_clusters.annotate(str(count), (period, count), textcoords="offset points",
                         xytext=(6, 4))
ax_clusters.set_yscale("log")
ax_clusters.set_xticks(range(len(counts)))
ax_clusters.set_xlabel("period")
ax_clusters.set_ylabel("clusters")
ax_clusters.set_title("clusters after each period's merges")
for phase, records in periods:
    ax_loss.plot(records["epoch"], records["loss"], label=f"{phase} ({records['n_clusters'].iloc[0]} clusters)")
ax_loss.set_xlabel("epoch")
ax_loss.set_ylabel("triplet loss")
ax_loss.set_yscale("log")
ax_loss.set_title("training within each period")
ax_loss.legend()
fig.tight_layout()

# %%
# New samples
# -----------
# JULE is agglomerative, so new samples go to the cluster with the largest
# graph weight among their 20 nearest training embeddings. Fit on 80% of the
# digits and assign the other 20%.
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
model = JULEClustering(n_clusters=10, device="cpu", random_state=0).fit(X_train)
train_report = clustering_report(y_train, model.labels_)
test_report = clustering_report(y_test, model.predict(X_test))
print(f"train ACC {train_report['ACC']:.3f}, held-out ACC {test_report['ACC']:.3f}")

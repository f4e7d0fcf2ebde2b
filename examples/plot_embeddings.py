"""
=======================================
What the networks learn: the embeddings
=======================================

Every estimator of skdeepcluster has a ``transform`` method that returns the
representation its clustering works on: the embedding of
:class:`~skdeepcluster.DEPICTClustering`'s autoencoder, the unit-norm
embedding of :class:`~skdeepcluster.JULEClustering`'s network and the
normalised codes of :class:`~skdeepcluster.DiscriminativeLatentClustering`.
This example maps each of them, and the raw pixels, to two dimensions with
:class:`~sklearn.manifold.TSNE`, and colours every digit twice: by the
cluster the method gave it and by its true digit.

The digits are the 1,797 8x8 images bundled with scikit-learn, as flat rows.
**The training schedules are shortened** so that the script runs in about a
minute on two CPU cores; with the default parameters the methods are more
accurate (see :ref:`results`).
"""

# %%
# Fit three estimators
# --------------------
# k-means on the pixels stands for the representation without learning.
import matplotlib.pyplot as plt
import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.cluster import KMeans
from sklearn.manifold import TSNE
from sklearn.metrics.cluster import contingency_matrix

from skdeepcluster import DEPICTClustering, DiscriminativeLatentClustering, JULEClustering
from skdeepcluster.datasets import load_digits
from skdeepcluster.metrics import clustering_accuracy

digits = load_digits()
X, y = digits.data, digits.target

common = dict(n_clusters=10, scaling="minmax", device="cpu", random_state=0)
models = {
    "DEPICT": DEPICTClustering(n_pretrain_epochs=30, n_epochs=30, **common),
    "JULE": JULEClustering(n_epochs=5, **common),
    "Discriminative": DiscriminativeLatentClustering(
        n_pretrain_epochs=50, n_epochs=10, **common
    ),
}
representations = {"pixels (k-means)": (X, KMeans(10, n_init=10, random_state=0).fit_predict(X))}
for name, model in models.items():
    labels = model.fit_predict(X)
    representations[name] = (model.transform(X), labels)
    print(f"{name}: transform gives {model.transform(X[:1]).shape[1]} dimensions")

# %%
# Match clusters to digits
# ------------------------
# Cluster numbers are arbitrary. To draw both colourings with the same
# colours, each cluster takes the colour of the digit it matches best (the
# one-to-one matching behind the accuracy, ACC), so that a point whose two
# colours differ is a digit put in another digit's cluster.


def matched(labels_true, labels_pred):
    """Relabel each cluster with the class it is matched to."""
    clusters = np.unique(labels_pred)
    table = contingency_matrix(labels_true, labels_pred)
    rows, cols = linear_sum_assignment(table, maximize=True)
    mapping = dict(zip(clusters[cols], np.unique(labels_true)[rows]))
    # a cluster left without a class (more clusters than classes) gets -1
    return np.array([mapping.get(label, -1) for label in labels_pred])


# %%
# Two-dimensional maps
# --------------------
# t-SNE keeps the neighbourhoods of the embedding, not its distances: tight,
# well separated groups on the map mean that the clusters of that
# representation are easy to tell apart. To keep t-SNE quick, the maps show
# every second digit (899 of them) and run 500 iterations; the clusters and
# the accuracy are those of all 1,797 digits.
shown = np.arange(0, len(X), 2)
fig, axes = plt.subplots(len(representations), 2, figsize=(9, 4.2 * len(representations)))
for row, (name, (features, labels)) in zip(axes, representations.items()):
    tsne = TSNE(n_components=2, init="pca", max_iter=500, random_state=0)
    coords = tsne.fit_transform(features[shown])
    acc = clustering_accuracy(y, labels)
    print(f"{name}: ACC {acc:.3f}")
    for ax, colours, title in [
        (row[0], matched(y, labels)[shown], f"{name}: clusters (ACC {acc:.2f})"),
        (row[1], y[shown], f"{name}: true digits"),
    ]:
        points = ax.scatter(coords[:, 0], coords[:, 1], c=colours, cmap="tab10",
                            vmin=-0.5, vmax=9.5, s=4)
        ax.set_title(title, fontsize=10)
        ax.set_xticks([])
        ax.set_yticks([])
fig.colorbar(points, ax=axes, ticks=range(10), shrink=0.3, label="digit")
plt.show()

"""
==========================================
Clustering short texts from their tf-idf
==========================================

Text reaches the estimators as tf-idf rows: a few non-zero weights per
text among thousands of words. Such input is of the *sparse kind* (no
negative value, at least 90% zeros), and the estimators treat it as such
with their defaults: one global scaling instead of standardising each word,
and, for :class:`~skdeepcluster.DEPICTClustering` and
:class:`~skdeepcluster.DAMICClustering`, a start on the texts' own
neighbour graph rather than on the autoencoder's codes (see the
:ref:`User Guide <scaling>` and :ref:`results_sparse_kind`).

This example clusters 1,114 fortune cookies of five categories (the Debian
package ``fortunes``: food, law, linux, sports, startrek) with DEPICT in a
pipeline, and names each cluster by its heaviest words.
"""

# %%
# The corpus and the pipeline
# ---------------------------
# :class:`~sklearn.feature_extraction.text.TfidfVectorizer` returns a sparse
# matrix; DEPICT takes dense rows, so a
# :class:`~sklearn.preprocessing.FunctionTransformer` makes them dense
# (2,000 float32 values a text: 9 MB here). The categories are used only to
# score the clusters.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer

from skdeepcluster import DEPICTClustering
from skdeepcluster.datasets import load_fortunes
from skdeepcluster.metrics import clustering_report

corpus = load_fortunes()
print(f"{len(corpus.data)} texts, categories {corpus.target_names}")


def to_dense(X):
    return X.toarray().astype(np.float32)


pipeline = make_pipeline(
    TfidfVectorizer(max_features=2000, stop_words="english", sublinear_tf=True),
    FunctionTransformer(to_dense, accept_sparse=True),
    DEPICTClustering(n_clusters=5, device="cpu", random_state=0),
)
labels = pipeline.fit_predict(corpus.data)
model = pipeline[-1]
print(f"scaling_={model.scaling_!r}, init_on_={model.init_on_!r}")

# %%
# Against k-means on the same rows
# --------------------------------
rows = pipeline[:-1].transform(corpus.data)
kmeans = KMeans(5, n_init=10, random_state=0).fit_predict(rows)
for name, found in (("DEPICT", labels), ("k-means", kmeans)):
    report = clustering_report(corpus.target, found)
    print(f"{name:8s} ACC {report['ACC']:.3f}  NMI {report['NMI']:.3f}  ARI {report['ARI']:.3f}")

# %%
# What each cluster is about
# --------------------------
# The words with the largest mean tf-idf weight in each cluster, and how
# the categories fall into the clusters.
words = pipeline[0].get_feature_names_out()
for cluster in range(model.n_clusters_):
    weights = rows[labels == cluster].mean(axis=0)
    top = ", ".join(words[np.argsort(weights)[::-1][:6]])
    print(f"cluster {cluster} ({np.sum(labels == cluster)} texts): {top}")

counts = np.array([[np.sum((labels == c) & (corpus.target == t))
                    for t in range(len(corpus.target_names))]
                   for c in range(model.n_clusters_)])
fig, ax = plt.subplots(figsize=(6, 3.5))
bottom = np.zeros(model.n_clusters_)
for t, name in enumerate(corpus.target_names):
    ax.bar(range(model.n_clusters_), counts[:, t], bottom=bottom, label=name)
    bottom += counts[:, t]
ax.set_xlabel("DEPICT cluster")
ax.set_ylabel("texts")
ax.legend(title="category", fontsize="small")
fig.tight_layout()
plt.show()

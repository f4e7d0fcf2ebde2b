"""The shared estimator base: nested validation and the shared validators."""

import pytest
from sklearn.cluster import KMeans

from skdeepcluster import DEPICTClustering


def test_an_init_clusterer_is_validated_when_fitted_inside(blobs):
    # fit does not skip nested validation, so KMeans reports its own bad
    # parameter instead of failing somewhere inside its fit
    X, _ = blobs
    model = DEPICTClustering(
        3, init=KMeans(n_clusters="three"), hidden_layer_sizes=(16,), n_pretrain_epochs=1,
        n_epochs=1, batch_size=16, device="cpu", random_state=0,
    )
    with pytest.raises(ValueError, match="'n_clusters' parameter of KMeans must be"):
        model.fit(X)

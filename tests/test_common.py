"""scikit-learn's own estimator checks over every public estimator."""

from sklearn.utils.estimator_checks import parametrize_with_checks

from skdeepcluster.graph import GDLClustering

from .conftest import fast_estimators


@parametrize_with_checks([*fast_estimators(), GDLClustering(n_clusters=3, n_neighbors=5)])
def test_sklearn_compatible(estimator, check):
    check(estimator)

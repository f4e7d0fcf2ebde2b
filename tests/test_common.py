"""scikit-learn's own estimator checks over every public estimator."""

from sklearn.utils.estimator_checks import parametrize_with_checks

from skdeepcluster.gdl import GDLClustering

from .conftest import fast_estimators

#: scikit-learn 1.9's sparse-input checks size ``predict_proba`` by reading
#: ``classifier_tags.multi_class``, which a clusterer does not have
#: (AttributeError), so any clusterer that accepts sparse input and has
#: ``predict_proba`` fails them. Sparse fit / predict / predict_proba of such
#: estimators are tested in their own test files (test_damic.py) instead.
SPARSE_PROBA_CHECKS = ("check_estimator_sparse_array", "check_estimator_sparse_matrix")


def expected_failed_checks(estimator):
    if estimator.__sklearn_tags__().input_tags.sparse and hasattr(estimator, "predict_proba"):
        reason = "the check assumes predict_proba belongs to a classifier"
        return {name: reason for name in SPARSE_PROBA_CHECKS}
    return {}


def auto_estimators():
    """The fast estimators with ``n_clusters="auto"`` (issue 15): the checks'
    small data sets go through the estimate of the number of clusters."""
    return [estimator.set_params(n_clusters="auto") for estimator in fast_estimators()]


@parametrize_with_checks(
    [*fast_estimators(), *auto_estimators(), GDLClustering(n_clusters=3, n_neighbors=5)],
    expected_failed_checks=expected_failed_checks,
)
def test_sklearn_compatible(estimator, check):
    check(estimator)

"""External clustering metrics: accuracy under the best matching, and a report."""

from scipy.optimize import linear_sum_assignment
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
from sklearn.metrics.cluster import contingency_matrix
from sklearn.utils.validation import check_consistent_length, column_or_1d

__all__ = ["clustering_accuracy", "clustering_report"]


def clustering_accuracy(labels_true, labels_pred):
    """Clustering accuracy (ACC) under the best one-to-one matching.

    Clusters are matched to classes by the Hungarian algorithm on the
    contingency table so as to maximise the number of correctly matched
    samples; ACC is that number over ``n_samples``. When there are more
    clusters than classes (or fewer), the unmatched clusters count as wrong,
    so over-clustering is never rewarded.

    Parameters
    ----------
    labels_true : array-like of shape (n_samples,)
        Ground-truth class labels (any hashable values).
    labels_pred : array-like of shape (n_samples,)
        Cluster labels (any hashable values).

    Returns
    -------
    accuracy : float
        In [0, 1]; 1 means a perfect clustering up to a relabelling.

    See Also
    --------
    clustering_report : ACC, NMI and ARI at once.

    Examples
    --------
    >>> from skdeepcluster.metrics import clustering_accuracy
    >>> clustering_accuracy([0, 0, 1, 1], [1, 1, 0, 0])
    1.0
    >>> clustering_accuracy([0, 0, 1, 1], [0, 1, 2, 3])
    0.5
    """
    labels_true = column_or_1d(labels_true)
    labels_pred = column_or_1d(labels_pred)
    check_consistent_length(labels_true, labels_pred)
    if labels_true.shape[0] == 0:
        raise ValueError("clustering_accuracy needs at least one sample.")
    table = contingency_matrix(labels_true, labels_pred)
    rows, cols = linear_sum_assignment(table, maximize=True)
    return float(table[rows, cols].sum() / labels_true.shape[0])


def clustering_report(labels_true, labels_pred):
    """ACC, NMI and ARI of a clustering against reference labels.

    Parameters
    ----------
    labels_true, labels_pred : array-like of shape (n_samples,)

    Returns
    -------
    report : dict
        ``{"ACC": ..., "NMI": ..., "ARI": ...}`` as floats. NMI uses the
        arithmetic mean normalisation (scikit-learn's default).

    Examples
    --------
    >>> from skdeepcluster.metrics import clustering_report
    >>> clustering_report([0, 0, 1, 1], [1, 1, 0, 0])
    {'ACC': 1.0, 'NMI': 1.0, 'ARI': 1.0}
    """
    return {
        "ACC": clustering_accuracy(labels_true, labels_pred),
        "NMI": float(normalized_mutual_info_score(labels_true, labels_pred)),
        "ARI": float(adjusted_rand_score(labels_true, labels_pred)),
    }

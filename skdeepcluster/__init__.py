"""Deep clustering estimators for scikit-learn, running on PyTorch."""

from ._version import __version__
from .autok import estimate_n_clusters
from .damic import DAMICClustering
from .ddlsc import DiscriminativeLatentClustering
from .depict import DEPICTClustering
from .gdl import GDLClustering
from .jule import JULEClustering
from .training import TrainingDivergedError

__all__ = [
    "DAMICClustering",
    "DEPICTClustering",
    "DiscriminativeLatentClustering",
    "GDLClustering",
    "JULEClustering",
    "TrainingDivergedError",
    "__version__",
    "estimate_n_clusters",
]

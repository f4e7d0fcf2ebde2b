"""Deep clustering estimators for scikit-learn, running on PyTorch."""

from ._version import __version__
from .ddlsc import DiscriminativeLatentClustering
from .depict import DEPICTClustering
from .graph import GDLClustering
from .training import TrainingDivergedError

__all__ = [
    "DEPICTClustering",
    "DiscriminativeLatentClustering",
    "GDLClustering",
    "TrainingDivergedError",
    "__version__",
]

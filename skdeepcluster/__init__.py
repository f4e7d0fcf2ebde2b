"""Deep clustering estimators for scikit-learn, running on PyTorch."""

from ._version import __version__
from .depict import DEPICTClustering

__all__ = ["DEPICTClustering", "__version__"]

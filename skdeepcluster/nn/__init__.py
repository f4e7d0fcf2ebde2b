"""Networks only: autoencoders and heads, no training code."""

from ._layers import glorot_init_, seeded_dropout
from .jule import JULENetwork, build_jule_conv, build_jule_mlp, jule_n_blocks
from .depict import (
    DEPICTNetwork,
    build_depict_conv,
    build_depict_mlp,
    depict_conv_geometry,
)

__all__ = [
    "DEPICTNetwork",
    "JULENetwork",
    "build_jule_conv",
    "build_jule_mlp",
    "jule_n_blocks",
    "build_depict_conv",
    "build_depict_mlp",
    "depict_conv_geometry",
    "glorot_init_",
    "seeded_dropout",
]

"""Networks only: autoencoders and heads, no training code."""

from ._layers import glorot_init_, seeded_dropout
from .ddlsc import DDLSCAutoencoder, build_ddlsc_conv, build_ddlsc_mlp, ddlsc_pool_sizes
from .depict import (
    DEPICTNetwork,
    build_depict_conv,
    build_depict_mlp,
    depict_conv_geometry,
)

__all__ = [
    "DDLSCAutoencoder",
    "build_ddlsc_conv",
    "build_ddlsc_mlp",
    "ddlsc_pool_sizes",
    "DEPICTNetwork",
    "build_depict_conv",
    "build_depict_mlp",
    "depict_conv_geometry",
    "glorot_init_",
    "seeded_dropout",
]

"""Sphinx configuration of the skdeepcluster documentation.

Build from the repository root with
``python3 -m sphinx -W --keep-going -b html doc doc/_build/html`` (the command
of the README, doc/install.rst and CI). The gallery runs the scripts in
``../examples`` whose names start with ``plot_``; ``-D plot_gallery=0`` builds
without running them.
"""

import os
import sys
from datetime import date

# Document the checkout this folder belongs to, even when another version of
# the package is installed.
sys.path.insert(0, os.path.abspath(".."))

import skdeepcluster  # noqa: E402

# -- Project -------------------------------------------------------------------
project = "skdeepcluster"
author = "The skdeepcluster developers"
copyright = f"{date.today().year}, {author}"
release = skdeepcluster.__version__
version = ".".join(release.split(".")[:2])

# -- General -------------------------------------------------------------------
extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
    "numpydoc",
    "sphinx_gallery.gen_gallery",
]

templates_path = ["_templates"]
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
default_role = "literal"

# -- autodoc / autosummary / numpydoc --------------------------------------------
autosummary_generate = True
autodoc_typehints = "none"
# The class template lists the methods itself; numpydoc need not add a table.
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False

# -- sphinx-gallery --------------------------------------------------------------
sphinx_gallery_conf = {
    "examples_dirs": "../examples",
    "gallery_dirs": "auto_examples",
    "filename_pattern": "/plot_",
    "backreferences_dir": "gen_modules/backreferences",
    "doc_module": ("skdeepcluster",),
    "reference_url": {"skdeepcluster": None},
    "download_all_examples": False,
}

# -- HTML ----------------------------------------------------------------------
html_theme = "alabaster"
html_title = f"skdeepcluster {release}"
html_static_path = []

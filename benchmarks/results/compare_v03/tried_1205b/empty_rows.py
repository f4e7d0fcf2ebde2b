"""Exploratory: an estimator (defaults) on a text set of the sparse kind with and
without its rows of no word (all-zero tf-idf rows); scores on the rows it was fitted on::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/tried_1205b/empty_rows.py fortunes|heldout depict|ddlsc|damic|jule SEED
"""
import sys
import time
import warnings

import numpy as np
import torch

from skdeepcluster.__main__ import METHODS
from skdeepcluster.datasets import FORTUNE_CATEGORIES, load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
corpus, method, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
categories = ("art", "computers", "education", "politics", "science") if corpus == "heldout" else FORTUNE_CATEGORIES
c = load_fortunes_tfidf(categories)
for name, rows in [("all rows", np.ones(len(c.data), bool)), ("rows with a word", c.data.sum(1) > 0)]:
    start = time.process_time()
    labels = METHODS[method](len(categories), random_state=seed).fit(c.data[rows]).labels_
    scores = {k: round(v, 3) for k, v in clustering_report(c.target[rows], labels).items()}
    print(corpus, method, seed, name, int(rows.sum()), scores, round(time.process_time() - start, 1), flush=True)

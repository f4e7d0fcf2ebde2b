"""The answers of :func:`skdeepcluster.estimate_n_clusters` on raw sets, to
compare two versions of the rule.

For every set of issue 15's suite but Fashion-MNIST and every labelled set
outside it (``bench_auto_k.shapes_and_subsets``), raw and standardised,
prints six answers: the set as its own embedding alone, with itself as
``X_input``, and with itself as ``X_input`` and a 40-neighbour graph of the
embedding (as JULE reads its first embedding); then the CPU seconds of all
156 estimates. The package is that of the checkout the script lives in:
run it in a worktree of another commit to compare::

    git worktree add /tmp/before <commit>
    OMP_NUM_THREADS=1 python /tmp/before/benchmarks/auto_k_cases.py > before.txt
    OMP_NUM_THREADS=1 python benchmarks/auto_k_cases.py > after.txt
    diff before.txt after.txt
"""

import sys
import time
from pathlib import Path

from sklearn.preprocessing import StandardScaler

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_auto_k import shapes_and_subsets, suite  # noqa: E402
from skdeepcluster import estimate_n_clusters  # noqa: E402


def main():
    cases = [(name, X) for name, X, _, _ in suite("/nonexistent") if name != "Fashion-MNIST"]
    cases += [(name, X) for name, X, _ in shapes_and_subsets()]
    start = time.process_time()
    for name, X in cases:
        answers = []
        for Z in (X, StandardScaler().fit_transform(X)):
            answers.append(estimate_n_clusters(Z, random_state=0))
            answers.append(estimate_n_clusters(Z, X_input=Z, random_state=0))
            answers.append(estimate_n_clusters(Z, X_input=Z, n_neighbors=40, random_state=0))
        print(f"{name:<24}", *answers, flush=True)
    print(f"CPU seconds: {time.process_time() - start:.1f}")


if __name__ == "__main__":
    main()

"""Two runs of ``narrow_tables/tables.py`` side by side: per table and
method the mean ACC, NMI and CPU seconds of the first and the second run
(``*`` where the ACC moved), then each method's means over the tables::

    python benchmarks/results/compare_v03/quantum_floor/compare_runs.py benchmarks/results/compare_v03/quantum_floor/runs/before.txt benchmarks/results/compare_v03/quantum_floor/runs/after.txt > benchmarks/results/compare_v03/quantum_floor/runs/compare.txt
"""
import re
import sys

import numpy as np

LINE = re.compile(r"(.{26}) (\w+)\s+(\w+)\s+mean ([-\d.]+) / ([-\d.]+) / ([-\d.]+)\s+([\d.]+) s CPU")


def read(path):
    """(table, method) -> (ACC, NMI, CPU seconds) of the lines of means."""
    runs = {}
    for line in open(path):
        match = LINE.match(line)
        if match:
            runs[match.group(1).strip(), match.group(2)] = tuple(float(match.group(i)) for i in (4, 5, 7))
    return runs


def main(first, second):
    before, after = read(first), read(second)
    keys = [key for key in before if key in after]
    for key in keys:
        (acc0, nmi0, cpu0), (acc1, nmi1, cpu1) = before[key], after[key]
        moved = "  *" if abs(acc1 - acc0) >= 0.0005 else ""
        print(f"{key[0]:26s} {key[1]:6s} ACC {acc0:.3f} -> {acc1:.3f}  NMI {nmi0:.3f} -> {nmi1:.3f}"
              f"  CPU {cpu0:.1f} -> {cpu1:.1f}{moved}")
    for method in sorted({key[1] for key in keys}):
        mine = [key for key in keys if key[1] == method]
        means = [np.mean([runs[key][i] for key in mine]) for i in (0, 1) for runs in (before, after)]
        print(f"mean of {len(mine)} tables, {method}: ACC {means[0]:.4f} -> {means[1]:.4f}"
              f"  NMI {means[2]:.4f} -> {means[3]:.4f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])

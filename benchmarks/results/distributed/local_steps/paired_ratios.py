"""Two-process wall time against one process's, paired by seed, over
repeated sweeps of ``bench_distributed.py`` (one JSON-lines file per
sweep, each with a one-process and a two-process fit of every seed).

    python benchmarks/results/distributed/local_steps/paired_ratios.py FILE [FILE ...]

Prints each sweep's ratios and their mean, the mean of all the ratios,
the median of each seed's, and the one- and two-process wall times.
"""

import json
import sys

import numpy as np


def main(paths):
    by_seed, walls = {}, {1: [], 2: []}
    for path in paths:
        runs = {}
        with open(path) as f:
            for line in f:
                record = json.loads(line)
                runs[(record["seed"], record["processes"])] = record
        seeds = sorted(seed for seed, processes in runs if processes == 2 and (seed, 1) in runs)
        ratios = [runs[(s, 2)]["wall_s"] / runs[(s, 1)]["wall_s"] for s in seeds]
        for seed, ratio in zip(seeds, ratios):
            by_seed.setdefault(seed, []).append(ratio)
            for processes in (1, 2):
                walls[processes].append(runs[(seed, processes)]["wall_s"])
        print(f"{path}: mean {np.mean(ratios):.3f}, seeds {seeds}: "
              + ", ".join(f"{r:.2f}" for r in ratios)
              + "; ACC 1 / 2: " + ", ".join(f"{runs[(s, 1)]['ACC']:.3f} / {runs[(s, 2)]['ACC']:.3f}"
                                          for s in seeds)
              + f"; ranks agree: {all(runs[(s, 2)]['ranks_agree'] for s in seeds)}")
    every = [r for ratios in by_seed.values() for r in ratios]
    print(f"mean of the {len(every)} ratios {np.mean(every):.3f}; median of each seed's: "
          + ", ".join(f"{seed}: {np.median(r):.2f}" for seed, r in sorted(by_seed.items())))
    for processes in (1, 2):
        w = walls[processes]
        print(f"{processes} process(es): wall {min(w):.2f}-{max(w):.2f} s, mean {np.mean(w):.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])

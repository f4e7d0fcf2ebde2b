"""Per-table means of ``tables.py`` outputs (DiscriminativeLatentClustering
rows): ACC / NMI and CPU seconds, before -> after, and the means over the
tables both hold. Arguments: the files before, then the file after (last)."""
import re, sys
def read(paths):
    d = {}
    for p in paths:
        for line in open(p):
            m = re.match(r"^(\S.*?)\s+ddlsc\s+auto\s+mean ([\d.]+) / ([\d.]+) / (-?[\d.]+)\s+([\d.]+) s CPU", line)
            if m: d[m.group(1).strip()] = tuple(float(x) for x in m.groups()[1:])
    return d
a = read(sys.argv[1:-1]); b = read(sys.argv[-1:])
common = [k for k in a if k in b]
for k in common:
    print(f"{k:26s} {a[k][0]:.3f}/{a[k][1]:.3f} {a[k][3]:6.1f}s -> {b[k][0]:.3f}/{b[k][1]:.3f} {b[k][3]:6.1f}s  dACC {b[k][0]-a[k][0]:+.3f}")
import numpy as np
A = np.array([a[k] for k in common]); B = np.array([b[k] for k in common])
print(f"{len(common)} tables: mean ACC/NMI {A[:,0].mean():.4f}/{A[:,1].mean():.4f} -> {B[:,0].mean():.4f}/{B[:,1].mean():.4f}; CPU {A[:,3].sum():.0f} -> {B[:,3].sum():.0f} s (per seed-mean sums)")

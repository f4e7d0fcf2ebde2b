"""Mean ACC / NMI of pairs.py's fits with the comparison (after) and
without it (before: the same fit where the start stayed spectral
clustering's), per group of sets. Usage: tally.py FILE..."""
import re, sys
from collections import defaultdict
rows = defaultdict(lambda: {"after": [], "before": []})
for path in sys.argv[1:]:
    name = None
    for line in open(path):
        m = re.match(r"^(\S.*?): \(", line)
        if m:
            name = m.group(1)
            group = "gauss" if name.startswith("gauss") else name.split()[-1]
            continue
        m = re.search(r"-> ([\d.]+) / ([\d.]+)", line)
        if not m:
            continue
        acc, nmi = float(m.group(1)), float(m.group(2))
        method = path.split("_")[-1].split(".")[0]
        key = (method, group)
        if "before:" in line:
            rows[key]["before"][-1] = (acc, nmi)
        else:
            rows[key]["after"].append((acc, nmi))
            rows[key]["before"].append((acc, nmi))
mean = lambda v, i: sum(x[i] for x in v) / len(v)
for (method, group), r in sorted(rows.items()):
    a, b = r["after"], r["before"]
    changed = sum(x != y for x, y in zip(a, b))
    print(f"{method:8s} {group:6s} fits {len(a):2d} changed {changed:2d}: before {mean(b, 0):.3f} / {mean(b, 1):.3f} -> after {mean(a, 0):.3f} / {mean(a, 1):.3f}")

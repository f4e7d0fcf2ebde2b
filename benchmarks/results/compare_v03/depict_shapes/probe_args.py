"""The command line that ``probe.py`` and ``tabular.py`` share: an optional
``--method NAME`` (the estimator, DEPICTClustering by default), then the
seeds as ``0,1,2``, then each script's own arguments."""
import sys


def method_and_seeds(argv=sys.argv):
    """``(method, seeds, rest)``: the estimator's name, the seeds, and the
    arguments after them."""
    args = list(argv[1:])
    method = "DEPICTClustering"
    if "--method" in args:  # another estimator, e.g. --method JULEClustering
        i = args.index("--method")
        method = args[i + 1]
        del args[i:i + 2]
    return method, [int(s) for s in args[0].split(",")], args[1:]

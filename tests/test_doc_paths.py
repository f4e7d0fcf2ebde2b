"""Every result file the documentation cites exists under benchmarks/results/.

The docs (``doc/*.rst``, ``README.rst``), the benchmark scripts and the
examples cite raw results either by path (``benchmarks/results/...``, in text,
commands and ``.. include::``) or by a file name alone next to the folder it
sits in (``damic_s0/progress.txt``). A moved or deleted result file leaves a
dangling citation; this test finds it. It needs a source checkout and skips
where the docs are not there (an installed package).
"""

import itertools
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"

# Outputs that are not cited results: compare.py's --out default, where a
# new run goes when no folder is given (ignored by git).
NOT_CITED = {"benchmarks/results/compare"}
# Placeholders in the documented commands, standing for one or more runs.
PLACEHOLDERS = ("METHOD", "SEED")

PATH = re.compile(r"benchmarks/results/[\w./*{},-]*")
# a file name in an inline literal: ``name.txt`` or ``folder/name.csv``
NAMED_FILE = re.compile(r"``([\w./-]+\.(?:txt|csv|jsonl|json))``")


def _sources():
    files = sorted((ROOT / "doc").glob("*.rst"))
    files += [ROOT / "README.rst"]
    files += sorted((ROOT / "benchmarks").glob("*.py"))
    files += sorted((ROOT / "benchmarks").glob("*.sh"))
    files += sorted((ROOT / "examples").glob("*.py"))
    return [f for f in files if f.is_file()]


def _expand_braces(pattern):
    """``a/{x,y}_s*`` -> ``["a/x_s*", "a/y_s*"]`` (shell brace expansion, no nesting)."""
    parts = re.split(r"\{([^{}]*)\}", pattern)
    literals, choices = parts[0::2], [p.split(",") for p in parts[1::2]]
    out = []
    for combo in itertools.product(*choices):
        out.append(literals[0] + "".join(c + lit for c, lit in zip(combo, literals[1:])))
    return out


def _exists(cited):
    cited = cited.rstrip(".,;:)")
    if cited in NOT_CITED or cited.rstrip("/") in NOT_CITED:
        return True
    for word in PLACEHOLDERS:
        cited = cited.replace(word, "*")
    for pattern in _expand_braces(cited):
        if not any(ROOT.glob(pattern.rstrip("/"))) and not (ROOT / pattern).exists():
            return False
    return True


def _cited_paths():
    for source in _sources():
        for lineno, line in enumerate(source.read_text().splitlines(), 1):
            for match in PATH.finditer(line):
                yield f"{source.relative_to(ROOT)}:{lineno}", match.group(0)


def _named_files():
    for source in _sources():
        if source.suffix != ".rst":
            continue
        for lineno, line in enumerate(source.read_text().splitlines(), 1):
            for match in NAMED_FILE.finditer(line):
                yield f"{source.relative_to(ROOT)}:{lineno}", match.group(1)


pytestmark = pytest.mark.skipif(
    not (ROOT / "doc").is_dir() or not RESULTS.is_dir(),
    reason="needs a source checkout with doc/ and benchmarks/results/",
)


def test_every_cited_results_path_exists():
    missing = [f"{where}: {path}" for where, path in _cited_paths() if not _exists(path)]
    assert not missing, "cited but absent:\n" + "\n".join(missing)


def test_every_named_result_file_exists():
    # A bare name must be a file of the repository or end the path of one
    # result file (``damic_s0/progress.txt``, ``speed_digits.txt``).
    result_files = [p.relative_to(RESULTS).as_posix() for p in RESULTS.rglob("*") if p.is_file()]
    missing = []
    for where, name in _named_files():
        if name.startswith("benchmarks/results/"):
            continue  # checked by the test above
        if (ROOT / name).exists():
            continue
        if any(f == name or f.endswith("/" + name) for f in result_files):
            continue
        missing.append(f"{where}: {name}")
    assert not missing, "named but absent:\n" + "\n".join(missing)


def test_results_readme_names_every_folder():
    readme = (RESULTS / "README.rst").read_text()
    folders = sorted(p.name for p in RESULTS.iterdir() if p.is_dir())
    absent = [f for f in folders if f"{f}/" not in readme]
    assert not absent, f"benchmarks/results/README.rst does not describe {absent}"

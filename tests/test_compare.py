"""benchmarks/compare.py: the results-table entry point, on tiny settings."""

import csv
import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import compare  # noqa: E402

from skdeepcluster.__main__ import METHODS  # noqa: E402


def test_compare_writes_results_and_skips_missing_clustpy(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(compare, "clustpy_available", lambda: False)
    ours = next(iter(METHODS))
    rows, summary = compare.main([
        "--datasets", "iris", "--methods", "k-means", ours, "clustpy-dec", "--seeds", "0",
        "--params", '{"n_epochs": 1, "n_pretrain_epochs": 1, "hidden_layer_sizes": [16], "batch_size": 50}', "--out", str(tmp_path),
    ])
    assert "clustpy is not importable" in capsys.readouterr().out
    with open(tmp_path / "results.csv", newline="") as handle:
        written = list(csv.DictReader(handle))
    assert [r["method"] for r in written] == ["k-means", ours]
    assert tuple(written[0]) == compare.COLUMNS
    for r in written:
        assert r["status"] == "ok" and r["dataset"] == "iris" and r["n_samples"] == "150"
        assert 0 <= float(r["ACC"]) <= 1 and 0 <= float(r["NMI"]) <= 1
        assert float(r["fit_s"]) > 0 and float(r["cpu_s"]) > 0 and float(r["peak_mib"]) > 50
    assert '"n_epochs": 1' in written[1]["params"]  # passed only where the estimator has it
    assert written[0]["params"] == '{"n_init": 10}'
    assert [e["method"] for e in summary] == ["k-means", ours]
    assert (tmp_path / "summary.csv").is_file() and "ACC" in (tmp_path / "summary.rst").read_text()
    assert (tmp_path / "conditions.json").is_file()


def test_oversized_peer_is_skipped_without_fitting():
    row = compare.run_cell("ward", "iris", 0, {}, timeout=None, n_samples=10**6)
    assert row["status"].startswith("skipped") and math.isnan(row["ACC"])


def test_summary_is_mean_and_std_over_ok_seeds():
    rows = [dict(dataset="d", method="m", seed=s, status="ok", ACC=a, NMI=a, ARI=a, fit_s=1.0,
                 peak_mib=100.0, n_found=3) for s, a in enumerate((0.5, 0.7))]
    rows.append(dict(dataset="d", method="slow", seed=0, status="timeout (1 s)",
                     **{k: float("nan") for k in ("ACC", "NMI", "ARI", "fit_s", "peak_mib", "n_found")}))
    summary = compare.summarize(rows)
    assert summary[0]["ACC_mean"] == pytest.approx(0.6) and summary[0]["ACC_std"] == pytest.approx(0.1)
    assert summary[1]["n_seeds"] == 0 and summary[1]["status"].startswith("timeout")
    table = compare.render(summary)
    assert "0.600 ± 0.100" in table and "timeout" in table


def test_subset_spec_and_image_scaling():
    data = compare.load("digits:100")
    assert data.data.shape == (100, 64) and data.n_clusters <= 10
    assert data.data.min() == 0 and data.data.max() == 1


def test_shuffled_spec_gives_every_method_one_fixed_order():
    given, shuffled = compare.load("iris"), compare.load("iris@shuffled")
    assert compare.sorted_by_class(given) and not compare.sorted_by_class(shuffled)
    assert shuffled.name == "iris@shuffled" and shuffled.n_clusters == 3
    order = [given.data.tolist().index(row) for row in shuffled.data.tolist()[:20]]
    assert (given.target[order] == shuffled.target[:20]).all()  # rows keep their labels
    again = compare.load("iris@shuffled")
    assert (again.data == shuffled.data).all() and (again.target == shuffled.target).all()
    assert compare.load("digits:100@shuffled").data.shape == (100, 64)


def test_sorted_rows_warn_before_umap_peers(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(compare, "umap_available", lambda: True)
    monkeypatch.setattr(compare, "run_cell", lambda method, dataset, seed, *args: dict(
        dataset=dataset, method=method, seed=seed, status="failed: not fitted here"))
    compare.main(["--datasets", "iris", "iris@shuffled", "--methods", "umap-gmm", "--seeds", "0",
                  "--out", str(tmp_path)])
    warned = [line for line in capsys.readouterr().out.splitlines() if "sorted by class" in line]
    assert len(warned) == 1 and "iris@shuffled" in warned[0]


def test_umap_peers_are_skipped_without_umap(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(compare, "umap_available", lambda: False)
    rows, _ = compare.main(["--datasets", "iris", "--methods", "k-means", "umap-gmm", "umap-kmeans",
                            "--seeds", "0", "--out", str(tmp_path)])
    assert "umap-learn is not importable" in capsys.readouterr().out
    assert [r["method"] for r in rows] == ["k-means"]


@pytest.mark.slow
@pytest.mark.parametrize("method", ["umap-gmm", "umap-kmeans"])
def test_umap_peers_cluster_iris(method):
    pytest.importorskip("umap")
    row = compare.fit_one(method, "iris", 0, {})
    assert row["status"] == "ok" and row["n_found"] == 3
    assert row["ACC"] > 0.6  # k-means reaches about 0.83 on standardised iris
    assert '"n_neighbors": 10' in row["params"]


def test_readme_table_is_the_table_of_record():
    # README.rst shows benchmarks/record.py --readme: the rows of the
    # compare.py runs named in record.RECORD, not numbers typed by hand.
    import record

    readme = (Path(__file__).resolve().parents[1] / "README.rst").read_text()
    table = record.record_table(with_sources=False)
    assert table in readme
    for method in ("depict", "jule", "damic", "ddlsc"):
        for dataset in ("digits", "Fashion-MNIST flat", "Fashion-MNIST 28x28",
                        "Fashion-MNIST 70k"):
            assert any(line.startswith(dataset) and line.split()[len(dataset.split())] == method
                       for line in table.splitlines()), (dataset, method)

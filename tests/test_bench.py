"""The benchmark runs end to end on a tiny corpus and prints its figures."""

from __future__ import annotations

import pytest

from helpers import bench


def test_bench_prints_extraction_rerun_and_equality(tmp_path, capsys):
    assert bench.run([40], tmp_path, engines=["1"], render=False) == 0
    out = capsys.readouterr().out
    assert "releases/s" in out and "peak" in out
    assert "after adding 1" in out and "sha256 equal to a from-scratch run" in out
    assert not (tmp_path / "corpus-n40-seed0" / "zz-added").exists()


def test_peak_memory_counts_the_process_tree():
    import sys

    result = bench.run_child([sys.executable, "-c", "x = bytearray(80 * 2**20); import time; time.sleep(0.5)"])
    assert result.returncode == 0 and result.peak_mb > 70


@pytest.mark.parametrize("argv", [["--sizes", "10,x"], ["--sizes", "0"], ["--engines", "spark"]])
def test_bad_arguments(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        bench.main(argv)
    assert exit_.value.code == 2


def test_render_only_renders_each_report_from_the_tables_left_there(tmp_path, monkeypatch, capsys):
    assert bench.main(["--sizes", "30", "--render-only", "--workdir", str(tmp_path)]) == 2
    assert "no tables of 30 releases" in capsys.readouterr().err
    assert bench.run([30], tmp_path, engines=["1"], incremental=False, render=False) == 0
    rendered = []
    monkeypatch.setattr(bench, "_bench_render",
                        lambda report, tables, workdir, n: rendered.append((report, tables.name)))
    assert bench.main(["--sizes", "30", "--render-only", "--workdir", str(tmp_path)]) == 0
    assert rendered == [(report, "tables-n30-1") for report in bench.REPORTS]

"""Reading and writing with two processes gives the same site as a serial build."""

from __future__ import annotations

from pathlib import Path

from helpers import build, copy_root, html_files


def test_parallel_build_equals_serial_build(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    serial = build(src, builddir=tmp_path / "serial")
    parallel = build(src, builddir=tmp_path / "parallel", parallel=2)
    assert parallel.app.parallel == 2 and parallel.app.is_parallel_allowed("read")
    assert parallel.warnings.strip() == "" and serial.warnings.strip() == ""
    assert html_files(parallel.outdir) == html_files(serial.outdir)
    assert (parallel.outdir / "objects.inv").read_bytes() == (serial.outdir / "objects.inv").read_bytes()


def test_parallel_warnings_match_serial_warnings(tmp_path: Path) -> None:
    src = copy_root("warnings", tmp_path / "src")
    serial = build(src, builddir=tmp_path / "serial")
    parallel = build(src, builddir=tmp_path / "parallel", parallel=2)
    assert sorted(parallel.warnings.splitlines()) == sorted(serial.warnings.splitlines())

from pathlib import Path

import pytest

from helpers import Build, build, copy_root

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
REPO = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture(scope="session")
def chronology_html(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real chronology built as HTML with warnings as errors, shared by every test that reads it."""
    src = copy_root("chronology", tmp_path_factory.mktemp("chronology-html") / "src")
    return build(src, warningiserror=True)


@pytest.fixture(scope="session")
def chronology_latex(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real chronology built as LaTeX with warnings as errors (compiled to PDF by test_pdf)."""
    src = copy_root("chronology", tmp_path_factory.mktemp("chronology-latex") / "src")
    return build(src, "latex", warningiserror=True)

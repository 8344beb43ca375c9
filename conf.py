"""Sphinx configuration for the chronology of U.S.–China security dialogues."""

project = "U.S.–China Security Dialogues: A Chronology"
author = "The chronology project"
copyright = "2026, the chronology project"

extensions = ["myst_parser", "sphinx_design", "chronology"]

# Roles of the chronology domain are usable without their prefix: {event}, {person}, {cite} ...
primary_domain = "chron"

myst_enable_extensions = ["colon_fence", "deflist"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = [
    "_build", ".venv", "README.md", "tests", "bench", "scripts", ".ci", "Thumbs.db", ".DS_Store",
    ".pytest_cache", ".mypy_cache", ".ruff_cache", "*.egg-info",
]

# Navigation that scales: no global-toctree sidebar (its cost grows with every page on every page);
# the sidebar holds the search box, a bar under each page links the previous and next pages, and the
# front page holds the contents.
html_theme = "alabaster"
html_sidebars = {"**": ["about.html", "searchbox.html"]}
html_theme_options = {
    "description": "A cross-referenced, sourced chronology, 2009–2024",
    "show_relbar_bottom": True,
    "page_width": "1100px",
}
html_title = "U.S.–China Security Dialogues"
html_static_path: list[str] = []

latex_engine = "xelatex"
latex_documents = [("index", "chronology.tex", project, author, "manual")]

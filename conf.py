"""Sphinx configuration for the chronology of U.S.–China security dialogues."""

project = "U.S.–China Security Dialogues: A Chronology"
author = "The chronology project"
copyright = "2026, the chronology project"
# The edition: pages, the PDF and the data files carry it. Raise it with each published edition.
version = "2"
release = "2.0"

extensions = ["myst_parser", "sphinx_design", "sphinx_chronology"]

# Roles of the chronology domain are usable without their prefix: {event}, {person}, {cite} ...
primary_domain = "chron"

myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
myst_substitutions = {"release": release}
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = [
    "_build",
    ".venv",
    ".venv-*",
    "README.md",
    "LICENSE-CONTENT.md",
    "tests",
    "bench",
    "scripts",
    ".ci",
    "Thumbs.db",
    ".DS_Store",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    "*.egg-info",
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
# Event sources are data files with front matter, not reading matter; search fetches the HTML pages.
html_copy_source = False
# The site's indexes are the chronology's own (people, topics, series, sources); Sphinx's general index stays
# in the PDF book, where the index entries are made (an HTML genindex would be an empty page).
html_use_index = False

latex_engine = "xelatex"
latex_documents = [("index", "chronology.tex", project, author, "manual")]

# The PDF book: a serif text face for long reading (TeX Gyre Pagella, a Palatino design), Heros for headings,
# and Noto CJK for names in Chinese characters. All are Debian packages: tex-gyre, fonts-noto-cjk.
latex_elements = {
    "papersize": "letterpaper",
    "passoptionstopackages": r"\PassOptionsToPackage{hyphens}{url}",
    "pointsize": "11pt",
    "fontpkg": r"""
\setmainfont{TeX Gyre Pagella}
\setsansfont{TeX Gyre Heros}[Scale=MatchLowercase]
\setmonofont{FreeMono}[Scale=MatchLowercase]
""",
    "preamble": r"""
\usepackage{xeCJK}
\setCJKmainfont{Noto Serif CJK SC}[ItalicFont=*, BoldItalicFont=* Bold]
\setCJKsansfont{Noto Sans CJK SC}[ItalicFont=*, BoldItalicFont=* Bold]
\setCJKmonofont{Noto Sans Mono CJK SC}
% The middle dot, dashes, curly quotes and the ellipsis stay in the Latin face (xeCJK would eat the spaces
% around a CJK-class "·": "2009 ·Beijing").
\xeCJKDeclareCharClass{Default}{"00B7, "2013, "2014, "2018, "2019, "201C, "201D, "2026}
\linespread{1.08}
\setlength{\headheight}{14pt}
\setlength{\emergencystretch}{2em}
\Urlmuskip=0mu plus 1mu
% Index entries in the text face, not typewriter.
\renewcommand{\sphinxstyleindexentry}[1]{#1}
% Figures numbered through the book (Fig. 1, 2, 3 ...), not afresh in each chapter (two "Fig. 1").
\counterwithout{figure}{chapter}
""",
    # The front page's text, before the first chapter, is the book's introduction: its own heading, in the
    # contents and in the running heads (not under the contents' "CONTENTS").
    "tableofcontents": r"\sphinxtableofcontents\chapter*{Introduction}\addcontentsline{toc}{chapter}{Introduction}"
    r"\markboth{Introduction}{Introduction}",
    "sphinxsetup": "TitleColor={rgb}{0.1,0.1,0.1}, InnerLinkColor={rgb}{0.1,0.25,0.5}, "
    "OuterLinkColor={rgb}{0.1,0.25,0.5}",
}
# Page numbers follow the links a reader may want to turn to (events, disputed points, cited-by
# passages); the extension adds them. Sphinx's own would follow every person and citation too.
latex_show_pagerefs = False
latex_show_urls = "no"
# makeindex, not xindy: Debian's xindy lacks the language modules Sphinx asks for.
latex_use_xindy = False

# This project's short names for the extension's views (the extension's own names are prefixed
# ``chronology-`` so that they clash with no other extension's).
SHORT_NAMES = {
    "series-page": "chronology-series",
    "people-index": "chronology-people",
    "topics-index": "chronology-topics",
    "bibliography": "chronology-bibliography",
    "dispute-index": "chronology-disputes",
    "dispute": "chronology-dispute",
    "account": "chronology-account",
    "timeline-overview": "chronology-timeline-overview",
    "timeline-series": "chronology-timeline-series",
    "timeline-density": "chronology-timeline-density",
}


def setup(app):  # type: ignore[no-untyped-def]
    from sphinx_chronology.views.catalog import DIRECTIVES

    for short, name in SHORT_NAMES.items():
        app.add_directive(short, DIRECTIVES[name])

extensions = ["myst_parser", "sphinx_chronology"]
primary_domain = "chron"
exclude_patterns = ["_build"]
html_theme = "alabaster"

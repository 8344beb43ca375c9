# A second chronology, on another subject, with its own vocabulary: only data and this file.
project = "EU–Russia summits"
extensions = ["myst_parser", "sphinx_chronology"]
primary_domain = "chron"
exclude_patterns = ["_build"]

chronology_event_docs = ["summits/[0-9][0-9][0-9][0-9]/*"]
chronology_registry_dir = "summits/registry"
chronology_vocabulary = {
    "kinds": {
        "summit": {"label": "Summit", "colour": "#1f4e79", "marker": "p", "size": 60},
        "ministerial": {"label": "Ministerial meeting", "colour": "#7f6000", "marker": "s"},
    },
    "statuses": {
        "held": {"label": "Held", "badge": "success"},
        "cancelled": {"label": "Called off", "badge": "danger", "fill": "hollow", "overlay": "x"},
    },
}

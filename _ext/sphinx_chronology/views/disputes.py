"""Disputed facts: a ``{chronology-dispute}`` holds two or more attributed ``{chronology-account}`` blocks.

In HTML the accounts stand side by side (sphinx-design's grid and card classes); in LaTeX the same nodes
read in sequence, each led by its attribution. Every dispute is recorded in the domain, so the
``{chronology-disputes}`` view can list the disputed points of the whole chronology.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_chronology.locale import _
from sphinx_chronology.model.records import DisputeRecord
from sphinx_chronology.store.index import Index
from sphinx_chronology.views.base import SimpleView, ViewKind
from sphinx_chronology.views.render import Context
from sphinx_chronology.warnings import Subtype, warn

GRID = ["sd-container-fluid", "sd-sphinx-override", "sd-mb-4"]
ROW = ["sd-row", "sd-row-cols-1", "sd-row-cols-md-2", "sd-g-3"]
COLUMN = ["sd-col", "sd-d-flex-column"]
CARD = ["sd-card", "sd-sphinx-override", "sd-w-100", "sd-shadow-sm", "chron-account"]


class Dispute(SphinxDirective):
    """``{dispute} <the disputed point>`` with ``{account} <attribution>`` blocks inside."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        point = self.arguments[0].strip()
        anchor = nodes.make_id(f"dispute-{point}")
        box = nodes.container(classes=["chron-dispute"])
        box["chron_dispute"] = point
        box["chron_anchor"] = anchor
        self.set_source_info(box)
        # The anchor is a target, not the box's id: LaTeX writes no label for a container's ids.
        box += nodes.target("", "", ids=[anchor])
        heading = nodes.paragraph(classes=["chron-dispute-point"])
        heading += nodes.strong(text=_("Disputed: "))
        heading += nodes.Text(point)
        box += heading
        row = nodes.container(classes=ROW)
        self.state.nested_parse(self.content, self.content_offset, row)
        accounts = [child for child in row.children if isinstance(child, nodes.Element) and "chron_account" in child]
        if len(accounts) < 2:
            warn(
                Subtype.value,
                f"dispute {point!r} has {len(accounts)} account(s); give each version of the fact "
                "its own {chronology-account} block with its source, at least two.",
                self.get_location(),
            )
        box["chron_accounts"] = tuple(str(a["chron_account"]) for a in accounts)
        # the sources each account cites, for the data exports
        box["chron_account_sources"] = tuple(_cited(account) for account in accounts)
        box += nodes.container("", row, classes=GRID)
        return [box]


class Account(SphinxDirective):
    """``{account} <who says so>``: one version of a disputed fact, with its citations in the text."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        attribution = self.arguments[0].strip()
        header = nodes.container(classes=["sd-card-header", "chron-account-by"])
        header += nodes.paragraph("", "", nodes.strong(text=_("According to %s:") % attribution))
        body = nodes.container(classes=["sd-card-body"])
        self.state.nested_parse(self.content, self.content_offset, body)
        card = nodes.container("", header, body, classes=CARD)
        column = nodes.container("", card, classes=COLUMN)
        column["chron_account"] = attribution
        self.set_source_info(column)
        return [column]


def check_stray_accounts(document: nodes.document, docname: str) -> None:
    """An account outside any dispute is reported (it would read as an unattributed claim)."""
    for node in document.findall(nodes.container):
        if "chron_account" not in node:
            continue
        parent = node.parent
        while parent is not None and "chron_dispute" not in parent:
            parent = parent.parent
        if parent is None:
            warn(
                Subtype.view,
                f"account {node['chron_account']!r} stands outside a {{chronology-dispute}}; put it inside one.",
                (docname, node.line),
            )


class DisputeIndex(SimpleView):
    kind = "disputes"


def disputes(index: Index) -> tuple[tuple[str, DisputeRecord, str], ...]:
    """Every disputed point, in the order of the pages' events (then of other pages), with its page and the
    page's name as the list gives it (an event's with its date)."""
    order = {event.docname: position for position, event in enumerate(index.events)}
    pages = sorted(index.disputes, key=lambda doc: (order.get(doc, len(order)), doc))
    return tuple(
        (doc, record, index.links[doc].dated if doc in index.links else record.page_title)
        for doc in pages
        for record in index.disputes[doc]
    )


def render_disputes(ctx: Context, disputes: tuple[tuple[str, DisputeRecord, str], ...]) -> list[nodes.Node]:
    if not disputes:
        return [nodes.paragraph(text=_("No disputed points are recorded."), classes=["chron-empty"])]
    items = nodes.bullet_list(classes=["chron-disputes"])
    for doc, record, page in disputes:
        para = nodes.paragraph()
        para += ctx.ref(doc, record.anchor, record.point, page=True)
        accounts = "; ".join(record.accounts)
        para += nodes.Text(" \u2014 " + _("%(page)s. Accounts: %(accounts)s.") % {"page": page, "accounts": accounts})
        items += nodes.list_item("", para)
    return [items]


DISPUTES = ViewKind(
    "disputes",
    lambda index, arg: disputes(index),
    render_disputes,
    {
        "chronology-disputes": DisputeIndex,
        "chronology-dispute": Dispute,
        "chronology-account": Account,
    },
)


def _cited(account: nodes.Element) -> tuple[str, ...]:
    """The source keys an account cites, in order, each once."""
    keys: dict[str, None] = {}
    for cite in account.findall(nodes.inline):
        cited: tuple[str, ...] = cite.get("chron_keys", ())
        keys.update(dict.fromkeys(cited))
    return tuple(keys)

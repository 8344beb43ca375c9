"""Search that tells events apart and finds Chinese words.

An event page's long title (the browser's tab, a bookmark, a search result) carries the event's date, so that
two visits with one title ("Susan Rice visits Beijing", 2014 and 2016) are told apart; the page's heading and
every link to it keep the title alone.

The search language: the English search language, with each run of Chinese characters also
indexed by its two- to four-character pieces.

Sphinx's English splitter keeps a run of Chinese characters as one word ("中美执法与网络安全对话"), so a reader
searching for 磋商 or 对话 finds nothing; its Chinese language needs jieba and would change how the English
text is indexed. Chinese has no spaces between words and most words are two to four characters long, so
indexing every piece of that length finds any word or name (习近平) without a dictionary, as n-gram indexes
of CJK text do. The browser's query splitter keeps a Chinese query whole, and it is looked up as it is.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.search.en import SearchEnglish

from sphinx_chronology.store.domain import domain_of
from sphinx_chronology.store.index import link

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
#: the lengths of the pieces a run of Chinese characters is indexed by (the run itself is a word already)
PIECES = range(2, 5)


class SearchEnglishWithChinese(SearchEnglish):
    def split(self, input: str) -> list[str]:
        words = super().split(input)
        for run in _CJK.findall(input):
            words += [run[i : i + n] for n in PIECES if n < len(run) for i in range(len(run) - n + 1)]
        return words


def dated_long_title(app: Sphinx, document: nodes.document) -> None:
    """After Sphinx has taken the page's title: an event page's long title is "Title (date)"."""
    env = app.env
    event = domain_of(env).data["events"].get(env.docname)
    if event is not None:
        env.longtitles[env.docname] = nodes.title("", link(event, app.config.language or "en").dated)


def setup_search(app: Sphinx) -> None:
    app.add_search_language(SearchEnglishWithChinese)
    app.connect("doctree-read", dated_long_title, priority=600)

"""Reading sources that are not valid UTF-8: bytes that do not decode become U+FFFD and the author gets a
located warning, where Sphinx would stop the build with a decoding error and no file name.

Sphinx reads every document with the ``source_encoding`` codec, strictly; no setting makes it lenient. So the
extension registers a codec of its own, UTF-8 (a byte-order mark skipped, as ``utf-8-sig`` does) that records
the line of the first undecodable byte, and reads with it when the project keeps the default UTF-8 encoding
(the setting itself is left alone: Sphinx warns about any other ``source_encoding``). The warning is given at
``source-read``, which follows the reading of each document.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from sphinx.application import Sphinx

from sphinx_chronology.warnings import Subtype, warn

NAME = "chronology-utf-8"


@dataclass
class Undecodable:
    """The first byte of the last document read that did not decode: its line and value."""

    line: int
    byte: int


#: what the last decoding found (read and cleared at ``source-read`` of the same document)
found: list[Undecodable] = []


class _Decoder(codecs.BufferedIncrementalDecoder):
    def __init__(self, errors: str = "strict") -> None:
        super().__init__(errors)
        self.lines = 0
        self.started = False
        found.clear()

    def _buffer_decode(self, data: bytes, errors: str, final: bool) -> tuple[str, int]:  # type: ignore[override]
        if not self.started:
            if len(data) < 3 and not final:
                return "", 0
            self.started = True
            if data.startswith(codecs.BOM_UTF8):
                text, used = self._buffer_decode(data[3:], errors, final)
                return text, used + 3
        try:
            text, used = codecs.utf_8_decode(data, "strict", final)
        except UnicodeDecodeError as exc:
            if not found:
                found.append(Undecodable(self.lines + data[: exc.start].count(b"\n") + 1, data[exc.start]))
            text, used = codecs.utf_8_decode(data, "replace", final)
        self.lines += text.count("\n")
        return text, used

    def reset(self) -> None:
        super().reset()
        self.lines, self.started = 0, False


def _decode(data: bytes, errors: str = "strict") -> tuple[str, int]:  # the whole-text form of ``_Decoder``
    decoder = _Decoder(errors)
    return decoder.decode(bytes(data), final=True), len(data)


def _search(name: str) -> codecs.CodecInfo | None:
    if name.replace("_", "-") != NAME:
        return None
    utf8 = codecs.lookup("utf-8")
    return codecs.CodecInfo(
        name=NAME,
        encode=utf8.encode,
        decode=_decode,  # type: ignore[arg-type]  # a function, as the codecs module's own are
        incrementalencoder=utf8.incrementalencoder,
        incrementaldecoder=_Decoder,
        streamreader=utf8.streamreader,
        streamwriter=utf8.streamwriter,
    )


codecs.register(_search)


def use_lenient_utf8(app: Sphinx) -> None:
    """At ``builder-inited``: read UTF-8 sources with the codec above (another encoding is left alone)."""
    if str(app.config.source_encoding).lower().replace("_", "-") in ("utf-8", "utf-8-sig", "utf8"):
        app.env.settings["input_encoding"] = NAME


def warn_undecodable(app: Sphinx, docname: str, source: list[str]) -> None:
    """At ``source-read``: the document just read had bytes that are not UTF-8."""
    if not found:
        return
    first = found[0]
    found.clear()
    warn(
        Subtype.encoding,
        f"byte 0x{first.byte:02x} is not UTF-8 (it shows as \\ufffd); save the file as UTF-8.",
        (docname, first.line),
    )

"""``sphinx-build -b linkcheck`` checks the addresses the generated views show (source URLs and archived
copies), counted by a local HTTP server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from helpers import build, copy_root


class _Counter(BaseHTTPRequestHandler):
    requested: list[str] = []  # noqa: RUF012 (shared by the handler instances of one server)

    def do_HEAD(self) -> None:
        self.requested.append(self.path)
        self.send_response(200)
        self.end_headers()

    do_GET = do_HEAD  # noqa: N815

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    requested: list[str] = []
    handler = type("Counter", (_Counter,), {"requested": requested})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requested
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_linkcheck_checks_source_urls_and_archived_copies(tmp_path: Path, server: tuple[str, list[str]]) -> None:
    base, requested = server
    src = copy_root("basic", tmp_path / "src")
    for record in (src / "sources/records").glob("*.yaml"):
        text = record.read_text(encoding="utf-8")
        text = text.replace("https://archive.example.org/", f"{base}/archive/").replace(
            "https://example.org/", f"{base}/"
        )
        record.write_text(text, encoding="utf-8")
    result = build(src, "linkcheck")
    assert sorted(set(requested)) == ["/archive/north/2014", "/north/2014", "/south/2015"], result.warnings
    report = (result.outdir / "output.txt").read_text(encoding="utf-8")
    assert "broken" not in report

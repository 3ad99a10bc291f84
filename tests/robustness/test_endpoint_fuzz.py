"""A bounded fuzz of ``serve``: request lines, headers, bodies and query texts (issue 21).

Hypothesis builds raw HTTP requests -- methods real and invented, targets with stray escapes,
every header the server reads (Host, Content-Length, Transfer-Encoding, Content-Type, Accept,
Origin, Authorization) with hostile values, bodies of bytes or of SPARQL tokens, and query texts
glued from SPARQL tokens, including runs of thousands of the same token (the shapes that crashed
the parser). After every request the server must have answered with a well-formed status line
(or closed the connection), never with a 500, and must still answer a plain ASK; at the end its
log must hold no traceback. Derandomised and bounded: the same few hundred cases in every run,
well within a minute of CI time.
"""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Iterator

import pytest
from endpoint_helpers import raw, sample_store, status_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from beleidsgraaf.queries.server import ServerConfig, SparqlServer, make_server

SPARQL_TOKENS = [
    "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "*", "{", "}", "(", ")", "[", "]",
    "?s", "?p", "?o", "$x", "<http://e/x>", "<", ">", '"x"', "'y'", '"""z"""', "@nl", "^^",
    "e:a", "PREFIX", "e:", "BASE", "a", ".", ";", ",", "FILTER", "UNION", "OPTIONAL",
    "MINUS", "GRAPH", "SERVICE", "SILENT", "VALUES", "UNDEF", "BIND", "AS", "!", "||",
    "&&", "+", "-", "/", "|", "^", "=", "!=", "1", "2.5", "true", "COUNT", "GROUP_CONCAT",
    "GROUP BY", "ORDER BY", "LIMIT", "#", "\n", "\\", "\x00", "é", "\ufffd", "<<", ">>",
]  # fmt: skip
METHODS = ["GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "BREW", "G\x00T", ""]
HEADER_NAMES = [
    "Host", "Content-Length", "Content-Type", "Accept", "Origin", "Transfer-Encoding",
    "Authorization", "Sec-Fetch-Site", "Connection", "Expect", "X-Anything",
]  # fmt: skip
CONTENT_TYPES = [
    "application/sparql-query", "application/sparql-update",
    "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", "",
]  # fmt: skip


def _repeated(token: str, times: int) -> str:
    return " ".join([token] * times)


sparql_texts = st.one_of(
    st.lists(st.sampled_from(SPARQL_TOKENS), max_size=80).map(" ".join),
    st.builds(
        lambda head, token, times, tail: head + _repeated(token, times) + tail,
        st.sampled_from(["ASK { FILTER(", "SELECT * { ", "ASK { ?s ?p ", ""]),
        st.sampled_from(["(", "!", "{", "[", "1 +", "{} UNION", "OPTIONAL {}", "?s ?p ?o ."]),
        st.integers(0, 20_000),
        st.sampled_from([")", " }", "", ") }"]),
    ),
    st.text(max_size=200),
)

HOSTILE_VALUES = [
    "-1", "abc", "0", "5", "99999999999999999999", "1048577", " 3", "chunked",
    "attacker.example", "127.0.0.1", "localhost:1", "[::1]", "", "\x7f", "é",
    "https://evil.example", "null", "cross-site", "Bearer x", "100-continue",
    "application/sparql-results+xml;q=0, */*;q=abc", "text/*;q=0.5, text/csv;q=0",
]  # fmt: skip
TARGETS = [
    "/sparql", "/sparql?query=%ZZ", "/sparql?query=ASK+%7B%7D&query=x",
    "/api/queries/organisations-in-programme?programme=%22%7D", "/api/queries",
    "/", "/out/../../etc/passwd", "//", "*", "/sparql?" + "a=1&" * 2000,
]  # fmt: skip

header_values = st.one_of(
    st.sampled_from(HOSTILE_VALUES),
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=255), max_size=40),
)


@st.composite
def requests(draw: st.DrawFn, port: int) -> bytes:
    method = draw(st.sampled_from(METHODS))
    query = draw(sparql_texts)
    target = draw(
        st.one_of(
            st.just("/sparql?" + urllib.parse.urlencode({"query": query})),
            st.sampled_from(TARGETS),
            st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), max_size=60),
        )
    )
    version = draw(st.sampled_from(["HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/x", ""]))
    headers = [("Host", f"127.0.0.1:{port}")] if draw(st.booleans()) else []
    headers += draw(st.lists(st.tuples(st.sampled_from(HEADER_NAMES), header_values), max_size=6))
    if draw(st.booleans()):
        headers.append(("Content-Type", draw(st.sampled_from(CONTENT_TYPES))))
    body = draw(
        st.one_of(
            st.binary(max_size=300),
            sparql_texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
            sparql_texts.map(lambda t: ("query=" + urllib.parse.quote(t)).encode()),
        )
    )
    if draw(st.booleans()):
        headers.append(("Content-Length", str(len(body))))
    head = f"{method} {target} {version}".rstrip() + "\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in headers)
    head += "Connection: close\r\n\r\n"
    return head.encode("latin-1", "replace") + body


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlServer]:
    store = sample_store(tmp_path_factory.mktemp("fuzz") / "store")
    config = ServerConfig(port=0, timeout=3, workers=2, request_timeout=0.5)
    served = make_server(store, config)
    thread = threading.Thread(target=served.serve_forever, daemon=True)
    thread.start()
    yield served
    served.shutdown()
    served.server_close()
    thread.join(10)


def _still_answers(port: int) -> None:
    ask = "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"})
    request = f"GET {ask} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    answer = raw(port, request.encode())
    assert status_of(answer) == 200, answer[:300]


def _nothing_logged(capfd: pytest.CaptureFixture[str]) -> None:
    """The server logs a failure of its own (``SparqlServer.handle_error``) on stderr."""
    err = capfd.readouterr().err
    assert "Traceback" not in err and "failed:" not in err, err[-2000:]


def _well_formed(answer: bytes) -> None:
    if not answer:
        return  # a request the server could not read at all: it closed the connection
    status = status_of(answer)
    assert 200 <= status < 600, answer[:300]
    assert status != 500, answer[:300]


@settings(
    max_examples=600,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_request_gets_an_answer_and_the_server_goes_on(
    server: SparqlServer, capfd: pytest.CaptureFixture[str], data: st.DataObject
) -> None:
    port = server.server_address[1]
    request = data.draw(requests(port))
    _well_formed(raw(port, request, timeout=15))
    _still_answers(port)
    _nothing_logged(capfd)


@settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=sparql_texts)
def test_any_query_text_gets_an_answer(
    server: SparqlServer, capfd: pytest.CaptureFixture[str], text: str
) -> None:
    port = server.server_address[1]
    body = text.encode("utf-8", "surrogatepass")
    head = (
        f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n"
        f"Content-Type: application/sparql-query\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    answer = raw(port, head + body, timeout=15)
    _well_formed(answer)
    assert status_of(answer) in (200, 400, 406, 503), answer[:300]
    _still_answers(port)
    _nothing_logged(capfd)

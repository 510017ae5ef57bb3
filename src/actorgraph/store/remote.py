"""Load a graph into any SPARQL 1.1 store over HTTP, and query one (stdlib ``urllib`` only).

:func:`push_rdf` speaks the SPARQL 1.1 **Graph Store HTTP Protocol**: ``PUT`` (replace)
or ``POST`` (add) the Turtle to the store's graph-store endpoint with ``?graph=IRI`` or
``?default``. Examples of such endpoints: Oxigraph ``http://host:7878/store``, Fuseki
``http://host:3030/DATASET/data``, GraphDB
``http://host:7200/repositories/REPO/rdf-graphs/service``, Virtuoso
``http://host:8890/sparql-graph-crud``. For stores without it, ``protocol="update"``
sends **SPARQL 1.1 Update** to the update endpoint instead: ``DROP SILENT`` the graph
(when replacing) and then ``INSERT DATA`` in batches. A single GSP ``PUT`` replaces the
graph atomically; batched updates do not.

:func:`query_endpoint` runs a query over the SPARQL 1.1 Protocol (``POST`` a form, or
``GET``) and reads SPARQL JSON results.

Credentials go in the ``Authorization`` header: HTTP Basic for a user and password,
``Bearer`` for a token. Nothing is ever put in the URL.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph

from actorgraph.store.oxigraph import QueryResult

#: Triples per ``INSERT DATA`` request when pushing with SPARQL Update.
UPDATE_BATCH = 20_000
DEFAULT_TIMEOUT = 120.0
PROTOCOLS = ("gsp", "update")


class RemoteStoreError(ConnectionError):
    """The remote store could not be reached or refused the request."""


@dataclass(frozen=True, slots=True)
class Credentials:
    """HTTP Basic (user and password) or Bearer (token) credentials.

    >>> Credentials(token="abc").header()
    'Bearer abc'
    >>> Credentials(user="u", password="p").header()
    'Basic dTpw'
    """

    user: str | None = None
    password: str | None = None
    token: str | None = None

    def __post_init__(self) -> None:
        if self.token and (self.user or self.password):
            raise ValueError("give either a user and password or a token, not both")
        if self.password and not self.user:
            raise ValueError("a password needs a user")

    def header(self) -> str | None:
        """The value of the ``Authorization`` header, or None without credentials."""
        if self.token:
            return f"Bearer {self.token}"
        if self.user:
            pair = f"{self.user}:{self.password or ''}".encode()
            return "Basic " + base64.b64encode(pair).decode("ascii")
        return None


@dataclass(frozen=True, slots=True)
class PushResult:
    """What a push did: the protocol, the requests sent and the last HTTP status."""

    protocol: str
    url: str
    requests: int
    status: int
    triples: int | None = None


def graph_store_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of a graph: ``?graph=IRI``, or ``?default``.

    >>> graph_store_url("http://localhost:7878/store", "https://example.org/g")
    'http://localhost:7878/store?graph=https%3A%2F%2Fexample.org%2Fg'
    >>> graph_store_url("http://localhost:7878/store", None)
    'http://localhost:7878/store?default'
    """
    separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    if graph is None:
        return f"{endpoint}{separator}default"
    return f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph})}"


def push_rdf(
    data: bytes,
    endpoint: str,
    *,
    graph: str | None = None,
    media_type: str = "text/turtle",
    replace: bool = True,
    protocol: str = "gsp",
    credentials: Credentials | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> PushResult:
    """Load RDF (Turtle or N-Triples bytes) into a remote store's graph (default: default graph)."""
    _check_endpoint(endpoint)
    if graph is not None:
        _check_graph_iri(graph)
    if protocol == "gsp":
        url = graph_store_url(endpoint, graph)
        status = _request(
            "PUT" if replace else "POST",
            url,
            data,
            {"Content-Type": f"{media_type}; charset=utf-8"},
            credentials,
            timeout,
        ).status
        return PushResult("gsp", url, 1, status)
    if protocol == "update":
        return _push_update(data, endpoint, graph, media_type, replace, credentials, timeout)
    raise ValueError(f"unknown protocol {protocol!r} (known: {', '.join(PROTOCOLS)})")


def _push_update(
    data: bytes,
    endpoint: str,
    graph: str | None,
    media_type: str,
    replace: bool,
    credentials: Credentials | None,
    timeout: float,
) -> PushResult:
    rdf_format = (
        pyoxigraph.RdfFormat.N_TRIPLES if "n-triples" in media_type else pyoxigraph.RdfFormat.TURTLE
    )
    try:
        triples = [quad.triple for quad in pyoxigraph.parse(data, format=rdf_format)]
    except SyntaxError as error:
        raise ValueError(f"the data to push is not valid RDF: {error}") from error
    requests, status = 0, 0
    if replace:
        target = f"GRAPH <{graph}>" if graph else "DEFAULT"
        status = _update(endpoint, f"DROP SILENT {target}", credentials, timeout)
        requests += 1
    for start in range(0, len(triples), UPDATE_BATCH):
        batch = pyoxigraph.serialize(
            triples[start : start + UPDATE_BATCH], format=pyoxigraph.RdfFormat.N_TRIPLES
        ).decode("utf-8")
        body = f"GRAPH <{graph}> {{\n{batch}}}" if graph else batch
        status = _update(endpoint, f"INSERT DATA {{\n{body}}}", credentials, timeout)
        requests += 1
    return PushResult("update", endpoint, requests, status, len(triples))


def _update(endpoint: str, update: str, credentials: Credentials | None, timeout: float) -> int:
    headers = {"Content-Type": "application/sparql-update; charset=utf-8"}
    return _request("POST", endpoint, update.encode("utf-8"), headers, credentials, timeout).status


def query_endpoint(
    endpoint: str,
    sparql: str,
    *,
    method: str = "POST",
    credentials: Credentials | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> QueryResult:
    """Run a SELECT or ASK query on a SPARQL endpoint (SPARQL 1.1 Protocol, JSON results)."""
    from actorgraph.store.oxigraph import with_prefixes

    _check_endpoint(endpoint)
    query = with_prefixes(sparql)
    headers = {"Accept": "application/sparql-results+json"}
    if method.upper() == "GET":
        separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
        url = f"{endpoint}{separator}{urllib.parse.urlencode({'query': query})}"
        response = _request("GET", url, None, headers, credentials, timeout)
    else:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        body = urllib.parse.urlencode({"query": query}).encode("ascii")
        response = _request("POST", endpoint, body, headers, credentials, timeout)
    try:
        document = json.loads(response.body)
    except ValueError as error:
        raise RemoteStoreError(f"{endpoint} did not answer with SPARQL JSON results") from error
    return parse_sparql_json(document)


def parse_sparql_json(document: dict[str, Any]) -> QueryResult:
    """A SPARQL 1.1 JSON results document as a :class:`QueryResult` (typed values).

    >>> parse_sparql_json({"head": {}, "boolean": True}).boolean
    True
    """
    from actorgraph.store.oxigraph import python_value

    if "boolean" in document:
        return QueryResult("ask", boolean=bool(document["boolean"]))
    variables = list(document.get("head", {}).get("vars", []))
    rows = []
    for binding in document.get("results", {}).get("bindings", []):
        rows.append({name: python_value(_term(binding.get(name))) for name in variables})
    return QueryResult("select", variables=variables, rows=rows)


def _term(value: dict[str, str] | None) -> Any:
    if value is None:
        return None
    kind = value.get("type")
    if kind == "uri":
        return pyoxigraph.NamedNode(value["value"])
    if kind == "bnode":
        return pyoxigraph.BlankNode(value["value"])
    if "xml:lang" in value:
        return pyoxigraph.Literal(value["value"], language=value["xml:lang"])
    if "datatype" in value:
        return pyoxigraph.Literal(value["value"], datatype=pyoxigraph.NamedNode(value["datatype"]))
    return pyoxigraph.Literal(value["value"])


# -- HTTP ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Response:
    status: int
    body: bytes


def _request(
    method: str,
    url: str,
    body: bytes | None,
    headers: dict[str, str],
    credentials: Credentials | None,
    timeout: float,
) -> _Response:
    request = urllib.request.Request(url, data=body, method=method, headers=dict(headers))
    authorization = credentials.header() if credentials else None
    if authorization:
        request.add_header("Authorization", authorization)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return _Response(response.status, response.read())
    except urllib.error.HTTPError as error:
        detail = error.read(300).decode("utf-8", "replace").strip().replace("\n", " ")
        hint = " (check the credentials)" if error.code in (401, 403) else ""
        raise RemoteStoreError(
            f"{method} {_without_query(url)} failed: HTTP {error.code} {error.reason}{hint}"
            + (f": {detail}" if detail else "")
        ) from None
    except urllib.error.URLError as error:
        raise RemoteStoreError(f"cannot reach {_without_query(url)}: {error.reason}") from None
    except TimeoutError:
        raise RemoteStoreError(
            f"{_without_query(url)} did not answer within {timeout:g} s"
        ) from None


def _without_query(url: str) -> str:
    return urllib.parse.urlsplit(url)._replace(query="", fragment="").geturl()


def _check_endpoint(endpoint: str) -> None:
    scheme = urllib.parse.urlsplit(endpoint).scheme
    if scheme not in ("http", "https"):
        raise ValueError(f"the endpoint must be an http(s) URL, not {endpoint!r}")


def _check_graph_iri(graph: str) -> None:
    try:
        pyoxigraph.NamedNode(graph)
    except ValueError as error:
        raise ValueError(f"--graph must be an absolute IRI, not {graph!r}") from error
    if any(c in graph for c in '<>"{}|\\^` '):
        raise ValueError(f"--graph must be an absolute IRI, not {graph!r}")


def rdf_file_to_push(source: str | Path) -> tuple[bytes, str]:
    """The bytes of a Turtle or N-Triples file, with its media type."""
    path = Path(source)
    if path.suffix.lower() == ".nt":
        return path.read_bytes(), "application/n-triples"
    if path.suffix.lower() in (".ttl", ".turtle"):
        return path.read_bytes(), "text/turtle"
    if not path.exists():
        raise FileNotFoundError(f"no such build folder or file: {path}")
    raise ValueError(f"{path}: push takes a build folder, a .ttl or a .nt file")

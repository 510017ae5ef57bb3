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
``Bearer`` for a token. Nothing is ever put in the URL; a user and password written into
the endpoint URL (``http://user:secret@host/...``) are taken out of it and used as
credentials, and no message ever shows them (:func:`redact_url`). Redirects are followed
by hand, at most :data:`MAX_REDIRECTS`: the ``Authorization`` header only ever goes to the
origin it was given for, a redirect to another scheme than http(s) is refused, and a
write that a redirect would turn into a ``GET`` (301, 302, 303) fails, since nothing
would have been written.
"""

from __future__ import annotations

import base64
import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph

from actorgraph.store.oxigraph import QueryResult

#: Triples per ``INSERT DATA`` request when pushing with SPARQL Update.
UPDATE_BATCH = 20_000
DEFAULT_TIMEOUT = 120.0
PROTOCOLS = ("gsp", "update")
#: Redirects followed per request before giving up.
MAX_REDIRECTS = 5
_REDIRECTS = (301, 302, 303, 307, 308)


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

    def secrets(self) -> list[str]:
        """What must never appear in a message: the password, the token, and the header
        made of them (a server may echo it back)."""
        header = self.header()
        found = [secret for secret in (self.password, self.token) if secret]
        if header and self.password:
            found.append(header.split(" ", 1)[1])  # base64 of user:password
        return found

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


def split_credentials(
    endpoint: str, credentials: Credentials | None = None
) -> tuple[str, Credentials | None]:
    """The endpoint without a ``user:password@`` part, and the credentials to use.

    Credentials given explicitly win over those written in the URL.

    >>> split_credentials("http://ann:s%40cret@localhost:7878/store")
    ('http://localhost:7878/store', Credentials(user='ann', password='s@cret', token=None))
    """
    parts = urllib.parse.urlsplit(endpoint)
    if "@" not in parts.netloc:
        return endpoint, credentials
    userinfo, _, host = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    clean = parts._replace(netloc=host).geturl()
    if credentials is not None and (credentials.header() or credentials.secrets()):
        return clean, credentials
    return clean, Credentials(
        urllib.parse.unquote(user) or None, urllib.parse.unquote(password) or None
    )


def redact_url(url: str) -> str:
    """The URL as it may be shown: no ``user:password@``, no query string.

    >>> redact_url("http://ann:secret@localhost:7878/store?default")
    'http://localhost:7878/store'
    """
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.netloc.rpartition("@")[2]
        return parts._replace(netloc=host, query="", fragment="").geturl()
    except ValueError:
        return "(an unparsable URL)"


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
    """Load RDF (Turtle or N-Triples bytes) into a remote store's graph (default: default graph).

    A user and password in ``endpoint`` are used as credentials (and shown nowhere).
    """
    endpoint, credentials = split_credentials(endpoint, credentials)
    _check_endpoint(endpoint)
    if graph is not None:
        _check_graph_iri(graph)
    if protocol == "gsp":
        url = graph_store_url(endpoint, graph)
        response = _request(
            "PUT" if replace else "POST",
            url,
            data,
            {"Content-Type": f"{media_type}; charset=utf-8"},
            credentials,
            timeout,
        )
        return PushResult("gsp", response.url, 1, response.status)
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
    # The graph IRI goes in as a serialised term (checked and escaped), never as raw text.
    graph_term = str(pyoxigraph.NamedNode(graph)) if graph else None
    if replace:
        target = f"GRAPH {graph_term}" if graph_term else "DEFAULT"
        status = _update(endpoint, f"DROP SILENT {target}", credentials, timeout)
        requests += 1
    for start in range(0, len(triples), UPDATE_BATCH):
        batch = pyoxigraph.serialize(
            triples[start : start + UPDATE_BATCH], format=pyoxigraph.RdfFormat.N_TRIPLES
        ).decode("utf-8")
        body = f"GRAPH {graph_term} {{\n{batch}}}" if graph_term else batch
        status = _update(endpoint, f"INSERT DATA {{\n{body}}}", credentials, timeout)
        requests += 1
    return PushResult("update", redact_url(endpoint), requests, status, len(triples))


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
    bindings: Mapping[str, Any] | None = None,
) -> QueryResult:
    """Run a SELECT or ASK query on a SPARQL endpoint (SPARQL 1.1 Protocol, JSON results).

    ``bindings`` become a trailing ``VALUES`` clause of serialised RDF terms.
    """
    from actorgraph.store.oxigraph import values_clause, with_prefixes

    endpoint, credentials = split_credentials(endpoint, credentials)
    _check_endpoint(endpoint)
    query = with_prefixes(sparql) + values_clause(bindings)
    headers = {"Accept": "application/sparql-results+json"}
    if method.upper() == "GET":
        separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
        url = f"{endpoint}{separator}{urllib.parse.urlencode({'query': query})}"
        response = _request("GET", url, None, headers, credentials, timeout)
    else:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        body = urllib.parse.urlencode({"query": query}).encode("ascii")
        response = _request("POST", endpoint, body, headers, credentials, timeout, write=False)
    try:
        return parse_sparql_json(json.loads(response.body))
    except (ValueError, TypeError, AttributeError, KeyError, RecursionError):
        raise RemoteStoreError(
            f"{redact_url(endpoint)} did not answer with SPARQL JSON results"
        ) from None


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
    url: str = ""  # where the answer came from (after redirects), without credentials


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand every redirect back to :func:`_request` instead of following it."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def _request(
    method: str,
    url: str,
    body: bytes | None,
    headers: dict[str, str],
    credentials: Credentials | None,
    timeout: float,
    *,
    write: bool = True,
) -> _Response:
    """One HTTP exchange, following at most MAX_REDIRECTS redirects by hand.

    ``Authorization`` goes only to the origin (scheme, host, port) of ``url``. A 307 or
    308 is followed with the same method and body; a 301, 302 or 303 would turn a write
    into a ``GET``, so a write fails there. A read (``write=False``: a query) follows them
    with its method and body unchanged, as a query means the same wherever it goes.
    """
    secrets = credentials.secrets() if credentials else []
    authorization = credentials.header() if credentials else None
    origin = _origin(url)
    for _ in range(MAX_REDIRECTS + 1):
        request = urllib.request.Request(url, data=body, method=method, headers=dict(headers))
        if authorization and _origin(url) == origin:
            request.add_unredirected_header("Authorization", authorization)
        try:
            with _OPENER.open(request, timeout=timeout) as response:
                return _Response(response.status, response.read(), _without_userinfo(url))
        except urllib.error.HTTPError as error:
            if error.code not in _REDIRECTS:
                raise _http_failure(method, url, error, secrets) from None
            url = _redirect_target(method, url, error, write)
        except urllib.error.URLError as error:
            reason = _redact(str(error.reason), secrets)
            raise RemoteStoreError(f"cannot reach {redact_url(url)}: {reason}") from None
        except (TimeoutError, OSError) as error:
            if isinstance(error, TimeoutError):
                message = f"{redact_url(url)} did not answer within {timeout:g} s"
            else:
                message = f"cannot reach {redact_url(url)}: {_redact(str(error), secrets)}"
            raise RemoteStoreError(message) from None
        except (ValueError, http.client.HTTPException) as error:  # a malformed answer or URL
            detail = _redact(str(error), secrets)
            raise RemoteStoreError(f"{method} {redact_url(url)} failed: {detail}") from None
    raise RemoteStoreError(
        f"{method} {redact_url(url)} failed: more than {MAX_REDIRECTS} redirects"
    )


def _redirect_target(method: str, url: str, error: urllib.error.HTTPError, write: bool) -> str:
    """Where a redirect points, if it may be followed; else the RemoteStoreError why not."""
    location = error.headers.get("Location") if error.headers else None
    where = f"{method} {redact_url(url)}"
    if not location:
        raise RemoteStoreError(f"{where} failed: HTTP {error.code} without a Location")
    target = urllib.parse.urljoin(url, location)
    scheme = urllib.parse.urlsplit(target).scheme
    if scheme not in ("http", "https"):
        raise RemoteStoreError(f"{where} was redirected to a {scheme or 'relative'} URL: refused")
    if error.code in (301, 302, 303) and write and method != "GET":
        raise RemoteStoreError(
            f"{where} was redirected (HTTP {error.code}) to {redact_url(target)}, which would "
            f"turn the {method} into a GET: nothing was written; use that URL as the endpoint"
        )
    # Credentials written into a redirect's URL are never used: only what the user gave.
    return _without_userinfo(target)


def _http_failure(
    method: str, url: str, error: urllib.error.HTTPError, secrets: list[str]
) -> RemoteStoreError:
    try:
        detail = error.read(300).decode("utf-8", "replace").strip()
    except OSError:
        detail = ""
    detail = _redact(" ".join(detail.split()), secrets)
    hint = " (check the credentials)" if error.code in (401, 403) else ""
    reason = _redact(str(error.reason), secrets)
    return RemoteStoreError(
        f"{method} {redact_url(url)} failed: HTTP {error.code} {reason}{hint}"
        + (f": {detail}" if detail else "")
    )


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urllib.parse.urlsplit(url)
    try:
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    except ValueError:
        port = None
    return parts.scheme, (parts.hostname or "").lower(), port


def _without_userinfo(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()


def _redact(text: str, secrets: list[str]) -> str:
    """``text`` with every secret (and its URL-quoted form) replaced by ``***``."""
    for secret in secrets:
        for form in {secret, urllib.parse.quote(secret, safe="")}:
            text = text.replace(form, "***")
    return text


def _check_endpoint(endpoint: str) -> None:
    try:
        parts = urllib.parse.urlsplit(endpoint)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as error:
        raise ValueError(
            f"the endpoint {redact_url(endpoint)!r} is not a valid URL ({error})"
        ) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"the endpoint must be an http(s) URL, not {redact_url(endpoint)!r}")


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

"""The one HTTP client of the sources: CKAN, SCB, Kolada and the boundary download.

`request_json` asks a statistics service for JSON (GET, or POST with a JSON body); `download` fetches
a file (the zipped boundary layer). Both go through `get`, and every way a request can fail becomes a
`FetchError` with one of the messages below, in Swedish, ready to show to the person who ran the
command: not an address, no network (the host does not resolve, the connection is refused), a
timeout, an HTTP status (404 with what to check), a broken transfer, an answer too large, an answer
that is not JSON. `afterwards` is added to every message ("Inget har skrivits." for the download).
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Collection
from http.client import HTTPException

USER_AGENT = "lokalutveckling/0.1 (Python urllib; Malmö lokal utveckling dashboard)"
TIMEOUT_SECONDS = 60.0
MAX_JSON_BYTES = 50 * 1024 * 1024  # one page of any of the statistics services is far smaller
MAX_PAGES = 500  # a paging loop that never ends is a broken service, not a large table
WEB = ("http", "https")


class FetchError(Exception):
    """Why nothing was fetched or stored, in Swedish, ready to show to the person who ran the command."""


def host(url: str) -> str:
    return urllib.parse.urlsplit(url).hostname or url


def _is_timeout(exc: object) -> bool:
    return isinstance(exc, TimeoutError | socket.timeout) or "timed out" in str(exc)


def _then(message: str, afterwards: str) -> str:
    return f"{message} {afterwards}" if afterwards else message


def timeout_message(url: str, timeout: float, afterwards: str = "") -> str:
    return _then(
        f"Tidsgränsen gick ut: {host(url)} svarade inte inom {timeout:g} sekunder ({url}). "
        "Försök igen senare eller ge en längre tid med --timeout.",
        afterwards,
    )


def describe_url_error(url: str, exc: urllib.error.URLError, timeout: float, afterwards: str = "") -> str:
    """A URLError (not an HTTP status) in words: a timeout, or no way to reach the host at all."""
    reason = exc.reason
    if _is_timeout(reason):
        return timeout_message(url, timeout, afterwards)
    if isinstance(reason, socket.gaierror):
        detail = f"värdnamnet {host(url)} kunde inte slås upp ({reason})"
    elif isinstance(reason, ConnectionRefusedError):
        detail = f"anslutningen vägrades ({reason})"
    else:
        detail = str(reason)
    return _then(
        f"Ingen nätverksanslutning: kunde inte nå {host(url)} ({detail}). Kontrollera nätverket och adressen {url}.",
        afterwards,
    )


def excerpt(body: bytes, limit: int = 200) -> str:
    """The start of an answer as one line of text."""
    text = body[:limit].decode("utf-8", "replace").strip()
    return re.sub(r"\s+", " ", text)


def _error_detail(body: bytes, content_type: str) -> str:
    """What an error answer says, if it says it in JSON (CKAN's error.message, PxWeb's title and detail)
    or plain text; nothing for an HTML error page."""
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return excerpt(body) if content_type.startswith("text/plain") else ""
    if isinstance(doc, dict):
        error = doc.get("error")
        if isinstance(error, dict):
            error = error.get("message")
        parts = [str(doc[k]) for k in ("title", "detail", "message") if doc.get(k)]
        parts += [str(error)] if error else []
        return excerpt("; ".join(parts).encode("utf-8")) if parts else excerpt(body)
    return excerpt(body)


def get(
    url: str,
    *,
    timeout: float = TIMEOUT_SECONDS,
    body: object | None = None,
    accept: str = "application/json",
    max_bytes: int = MAX_JSON_BYTES,
    expected: str = "det väntade svaret",
    not_found: str = "",
    subject: str = "",
    afterwards: str = "",
    schemes: Collection[str] = WEB,
) -> tuple[bytes, str]:
    """The body at `url` and its Content-Type (GET, or POST `body` as JSON); FetchError says what went wrong.

    `not_found` is added to the message for HTTP 404 (what the person should check) and `subject` names
    what was not found ("Filen"); `expected` is what an answer larger than `max_bytes` is not.
    """
    if urllib.parse.urlsplit(url).scheme not in schemes:
        prefixes = [f"{s}://" for s in schemes]
        allowed = ", ".join(prefixes[:-1]) + " eller " + prefixes[-1] if len(prefixes) > 1 else prefixes[0]
        raise FetchError(_then(f"Adressen ska börja med {allowed}, inte {url!r}.", afterwards))
    headers = {"User-Agent": USER_AGENT, "Accept": accept}
    data = None
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers["Content-Type"] = "application/json; charset=utf-8"
    request = urllib.request.Request(url, data=data, headers=headers, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get("Content-Type", "") or ""
            raw = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        detail = ""
        with contextlib.suppress(Exception):
            detail = _error_detail(exc.read(), exc.headers.get("Content-Type", "") or "")
        said = f" Servern skrev: {detail}" if detail else ""
        if exc.code == 404:
            what = f"{subject} finns inte" if subject else "Finns inte"
            message = f"{what} (HTTP 404 Not Found): {url}. {not_found}{said}".rstrip()
            raise FetchError(_then(message, afterwards)) from None
        message = f"Servern svarade med HTTP {exc.code} {exc.reason} för {url}.{said}"
        raise FetchError(_then(message, afterwards)) from None
    except urllib.error.URLError as exc:
        raise FetchError(describe_url_error(url, exc, timeout, afterwards)) from None
    except TimeoutError:
        raise FetchError(timeout_message(url, timeout, afterwards)) from None
    except (HTTPException, OSError) as exc:
        message = f"Överföringen från {host(url)} avbröts ({type(exc).__name__}: {exc}); {url}."
        raise FetchError(_then(message, afterwards)) from None
    if len(raw) > max_bytes:
        message = f"Svaret från {url} är större än {max_bytes // 1024 // 1024} MB; det är inte {expected}."
        raise FetchError(_then(message, afterwards))
    return raw, content_type


def request_json(
    url: str,
    *,
    timeout: float = TIMEOUT_SECONDS,
    body: object | None = None,
    not_found: str = "",
) -> object:
    """GET `url` (or POST `body` as JSON) and parse the JSON answer; FetchError says what went wrong.

    `not_found` is added to the message for HTTP 404: what the person should check.
    """
    raw, content_type = get(url, timeout=timeout, body=body, not_found=not_found)
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise FetchError(
            f"Svaret från {url} är inte JSON (Content-Type {content_type or 'saknas'}); det börjar med "
            f"{excerpt(raw, 80)!r}. Är adressen rätt (--base-url)?"
        ) from None


def download(
    url: str,
    *,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int,
    expected: str,
    not_found: str = "",
    afterwards: str = "",
    schemes: Collection[str] = WEB,
) -> tuple[bytes, str]:
    """A file at `url` and its Content-Type; FetchError (with `afterwards`) says what went wrong."""
    return get(
        url,
        timeout=timeout,
        accept="application/zip, */*",
        max_bytes=max_bytes,
        expected=expected,
        not_found=not_found,
        subject="Filen",
        afterwards=afterwards,
        schemes=schemes,
    )

"""The text a QR code carries: a URL in plain ASCII.

Scanners read raw UTF-8 without an ECI marker as Latin-1 and garble Vietnamese, so the host is
IDNA-encoded and the path, query and fragment are percent-encoded before encoding.
"""

from urllib.parse import quote, urlsplit, urlunsplit

# Characters RFC 3986 allows unescaped in a path, query or fragment ("%" keeps existing escapes).
_SAFE = "/:@!$&'()*+,;=-._~%?"


class InvalidPayload(ValueError):
    """The URL cannot be written in ASCII (for example a host label IDNA rejects)."""


def ascii_host(host: str) -> str:
    """``bầucử.vn`` → ``xn--bucu-...vn``; an ASCII host is only lower-cased."""
    host = host.lower()
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise InvalidPayload(f"Host cannot be IDNA-encoded: {host!r}") from error


def ascii_url(url: str) -> str:
    """The URL with an IDNA host and a percent-encoded path, query and fragment.

    Already-escaped URLs come back unchanged, so the function is idempotent.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise InvalidPayload(f"Not a URL: {url!r}") from error
    netloc = parts.netloc
    if parts.hostname:
        userinfo, _at, _hostport = netloc.rpartition("@")
        netloc = (userinfo + "@" if userinfo else "") + ascii_host(parts.hostname)
        if port is not None:
            netloc += f":{port}"
    result = urlunsplit(
        (
            parts.scheme.lower(),
            netloc,
            quote(parts.path, safe=_SAFE),
            quote(parts.query, safe=_SAFE),
            quote(parts.fragment, safe=_SAFE),
        )
    )
    if not result.isascii():
        raise InvalidPayload(f"URL cannot be written in ASCII: {url!r}")
    return result

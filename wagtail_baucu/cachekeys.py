"""Cache keys of what is computed per site: from the Wagtail ``Site`` that answers, never from
request headers.

Django accepts any port on an allowed host, and ``ALLOWED_HOSTS`` may accept many names, so a
key holding ``request.get_host()`` gives an attacker a new entry per port or name. Wagtail
picks the site from the host name and the server port, comparing them with its ``Site`` rows
only; ``site_of_request`` reduces a request to what that choice depends on, from Wagtail's own
cached list of sites (no database query once it is cached). Pure apart from that list.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site

from wagtail_baucu.text.integers import parse_bounded_int


def _site_addresses() -> set[tuple[str, int]]:
    addresses = set()
    for root in Site.get_site_root_paths():
        parts = urlsplit(root.root_url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses.add(((parts.hostname or "").lower(), port))
    return addresses


def site_of_request(request: HttpRequest) -> str:
    """What decides which ``Site`` answers ``request``: a host name and port of a ``Site``, or
    ``*`` where the request's match none (Wagtail then falls back the same way for all)."""
    hostname = split_domain_port(request._get_raw_host())[0].lower()
    port = request.get_port()
    addresses = _site_addresses()
    known_host = hostname if any(hostname == host for host, _port in addresses) else "*"
    port_number = parse_bounded_int(port, 0, 65535)
    known_port = port_number if (hostname, port_number) in addresses else "*"
    return f"{known_host}:{known_port}"


def entry_key(kind: str, *parts: object) -> str:
    """A cache key for ``kind`` from validated ``parts`` (hashed, so any length fits)."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()[:32]
    return f"baucu:{kind}:{digest}"

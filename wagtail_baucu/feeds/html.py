"""Content HTML that is safe to syndicate: an allow-list of tags and attributes, absolute URLs.

Feed readers resolve relative URLs against the feed's own URL (wrong for rich text links and
image renditions), and some render what they receive: so no scripts, no event handlers, no
``javascript:`` links, and every ``href``/``src`` made absolute against the site's root.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from wagtail_baucu.feeds.items import xml_safe

ALLOWED_TAGS = frozenset(
    "a abbr b blockquote br caption cite code dd del div dl dt em figcaption figure footer h2 h3 "
    "h4 h5 h6 hr i img ins li ol p pre q s small span strong sub sup table tbody td tfoot th "
    "thead tr u ul".split()
)
# Removed with everything inside them.
DROPPED_TAGS = frozenset(
    "script style iframe object embed applet form input button select textarea template "
    "noscript svg math frame frameset link meta base title head".split()
)
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "width", "height", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
URL_ATTRIBUTES = {"href", "src", "cite"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def safe_url(url: str, base_url: str) -> str | None:
    """``url`` made absolute against ``base_url``, or ``None`` if its scheme is not allowed."""
    url = "".join(ch for ch in url.strip() if ch >= " ")  # "java\tscript:" tricks
    if not url:
        return None
    absolute = urljoin(base_url, url)
    scheme = urlsplit(absolute).scheme.lower()
    return absolute if scheme in SAFE_SCHEMES else None


def _clean_element(element, base_url: str) -> None:
    for child in list(element):
        if not isinstance(child.tag, str):  # comments and processing instructions
            child.drop_tree()
            continue
        tag = child.tag.lower()
        if tag in DROPPED_TAGS:
            child.drop_tree()
            continue
        _clean_element(child, base_url)
        if tag not in ALLOWED_TAGS:
            child.drop_tag()  # keep its text and children, lose the element
            continue
        allowed = ALLOWED_ATTRIBUTES.get(tag, set())
        for name in list(child.attrib):
            if name.lower() not in allowed:
                del child.attrib[name]
            elif name.lower() in URL_ATTRIBUTES:
                url = safe_url(child.attrib[name], base_url)
                if url is None:
                    del child.attrib[name]
                else:
                    child.attrib[name] = url
        if tag == "img" and "src" not in child.attrib:
            child.drop_tree()


def sanitize_html(html: str, base_url: str) -> str:
    """The allow-listed, absolute-URL version of an HTML fragment."""
    html = xml_safe(html).strip()
    if not html:
        return ""
    try:
        container = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    _clean_element(container, base_url)
    parts = [escape(container.text)] if container.text else []
    parts += [lxml.html.tostring(child, encoding="unicode") for child in container]
    return xml_safe("".join(parts)).strip()

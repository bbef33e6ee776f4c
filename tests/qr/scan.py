"""Read QR codes back with a real decoder (zbar through pyzbar; SVG rasterised by cairosvg)."""

import io
import re

import cairosvg
from PIL import Image
from pyzbar.pyzbar import ZBarSymbol, decode

SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'


def decode_png(data: bytes) -> str:
    """The text of the one QR code in a PNG."""
    found = decode(Image.open(io.BytesIO(data)), symbols=[ZBarSymbol.QRCODE])
    assert len(found) == 1, f"expected one code, found {len(found)}"
    return found[0].data.decode("ascii")


def decode_svg(svg: str | bytes) -> str:
    """The text of an SVG code, rasterised on white (inline SVG gets its namespace back)."""
    text = svg.decode() if isinstance(svg, bytes) else svg
    if SVG_NS not in text:
        text = text.replace("<svg", "<svg " + SVG_NS, 1)
    png = cairosvg.svg2png(bytestring=text.encode(), background_color="white", output_width=400)
    return decode_png(png)


def inline_svgs(html: str) -> list[str]:
    """Every inline ``<svg>`` element of an HTML page."""
    return re.findall(r"<svg\b.*?</svg>", html, flags=re.S)

"""Draw QR codes: pure functions from text to modules, SVG and PNG. No Django, no database.

The SVG is one path of horizontal runs (a stroke one module high along each row), about a fifth
of the size of qrcode's stock path SVG, which draws every module as its own square.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from html import escape

import qrcode
import qrcode.constants
from PIL import Image

ERROR_CORRECTION = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}

# The quiet zone the QR standard asks for, in modules.
QUIET_ZONE = 4
DARK = "#000"
LIGHT = "#fff"

# How many times each kind of work ran in this process; tests read it to prove caching works.
counts: Counter = Counter()

Modules = tuple[str, ...]
_RUN = re.compile(r"1+")


def encode(text: str, error_correction: str = "M") -> Modules:
    """The code's modules, one string of ``0``/``1`` per row, without the quiet zone.

    Raises ``ValueError`` for an unknown error correction level or text too long for a QR code.
    """
    if error_correction not in ERROR_CORRECTION:
        raise ValueError(f"Unknown error correction level: {error_correction!r}")
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION[error_correction], border=0)
    code.add_data(text)
    try:
        code.make(fit=True)
    except qrcode.exceptions.DataOverflowError as error:
        raise ValueError("Text too long for a QR code") from error
    counts["encode"] += 1
    return tuple("".join("1" if dark else "0" for dark in row) for row in code.get_matrix())


def svg_path_data(modules: Modules, border: int = QUIET_ZONE) -> str:
    """Path data drawing each run of dark modules as a one-module-high horizontal stroke.

    Moves are relative, so most commands are a few characters: ``M4 4.5h7m2 0h1m-10 1h7``.
    """
    commands = []
    pen_x = pen_y = None
    for y, row in enumerate(modules, start=border):
        for run in _RUN.finditer(row):
            x = run.start() + border
            if pen_x is None:
                commands.append(f"M{x} {y}.5")
            else:
                commands.append(f"m{x - pen_x} {y - pen_y}")
            length = run.end() - run.start()
            commands.append(f"h{length}")
            pen_x, pen_y = x + length, y
    return "".join(commands)


def svg(modules: Modules, *, title: str, border: int = QUIET_ZONE, width: int | None = None) -> str:
    """A standalone SVG document of the code: its own light background (so it stays readable
    in dark mode), a ``viewBox`` in modules, and a ``<title>`` read by screen readers.

    The title is the first child of an ``role="img"`` element, which names the image without
    an id, so any number of codes can share an HTML page. ``width`` (pixels) sets
    ``width``/``height``; without it the SVG fills its container.
    """
    side = len(modules) + 2 * border
    size = f' width="{width}" height="{width}"' if width else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}"{size} role="img">'
        f"<title>{escape(title)}</title>"
        f'<path fill="{LIGHT}" d="M0 0h{side}v{side}H0z"/>'
        f'<path stroke="{DARK}" d="{svg_path_data(modules, border)}"/>'
        "</svg>"
    )


def png(modules: Modules, *, size: int, border: int = QUIET_ZONE) -> bytes:
    """A black-and-white PNG at most ``size`` pixels wide, in whole pixels per module.

    Modules are never smaller than one pixel, so a code with more modules than ``size`` comes
    out wider than asked.
    """
    side = len(modules) + 2 * border
    scale = max(1, size // side)
    image = Image.new("1", (side, side), 1)
    pixels = image.load()
    for y, row in enumerate(modules, start=border):
        for x, module in enumerate(row, start=border):
            if module == "1":
                pixels[x, y] = 0
    if scale > 1:
        image = image.resize((side * scale, side * scale), Image.Resampling.NEAREST)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    counts["png"] += 1
    return buffer.getvalue()

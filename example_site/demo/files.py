"""Files made locally for the demo and the tests: PDFs and banner images, nothing downloaded."""

from __future__ import annotations

import io
import math
import textwrap

from anyascii import anyascii
from PIL import Image, ImageDraw, ImageFont

# Fonts with Vietnamese glyphs, tried by file name in the system's font folders.
BANNER_FONTS = (
    "DejaVuSans-Bold.ttf",
    "NotoSans-Bold.ttf",
    "LiberationSans-Bold.ttf",
    "arialbd.ttf",
)


def pdf_bytes(text: str | list[str] = "Van ban") -> bytes:
    """A small valid one-page PDF with ``text`` (a line or a list of lines), made locally.

    The PDF uses the standard Helvetica font, which has no Vietnamese letters, so the text is
    written without diacritics.
    """
    lines = [text] if isinstance(text, str) else list(text)
    commands = ["BT /F1 14 Tf 18 TL 56 780 Td"]
    for line in lines:
        for part in textwrap.wrap(_ascii(line), 80) or [""]:
            escaped = part.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            commands.append(f"({escaped}) Tj T*")
    commands.append("ET")
    stream = "\n".join(commands).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def banner_png(text: str, color: str = "#b71c1c", size: tuple[int, int] = (1200, 675)) -> bytes:
    """A PNG banner: ``text`` in white on a ``color`` background with a yellow band."""
    width, height = size
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, height - height // 8, width, height], fill="#fbc02d")
    draw.polygon(_star(width - 150, 150, 90), fill="#fbc02d")
    font, text = _banner_font(text, size=height // 11)
    lines = textwrap.wrap(text, 28)[:4]
    y = height // 2 - len(lines) * height // 22
    for line in lines:
        draw.text((60, y), line, font=font, fill="white")
        y += height // 10
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _star(cx: float, cy: float, radius: float) -> list[tuple[float, float]]:
    # Ten points alternating between the outer and the inner radius, the first one at the top.
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.382
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy - r * math.sin(angle)))
    return points


def _banner_font(text: str, size: int) -> tuple[ImageFont.ImageFont, str]:
    # Pillow's own font has no Vietnamese letters: without a system font, write without accents.
    for name in BANNER_FONTS:
        try:
            return ImageFont.truetype(name, size), text
        except OSError:
            continue
    return ImageFont.load_default(size=size), _ascii(text)


def _ascii(text: str) -> str:
    return anyascii(text.replace("đ", "d").replace("Đ", "D"))

"""The pure parts: ASCII payloads and the SVG and PNG drawings, read back by zbar."""

import io
import re

import pytest
import qrcode
import qrcode.image.svg
from PIL import Image

from tests.qr.scan import decode_png, decode_svg
from wagtail_baucu.qr import render
from wagtail_baucu.qr.payload import InvalidPayload, ascii_url

LONG_URL = (
    "http://testserver/bau-cu-2021/tin-tuc/"
    "tang-cuong-thong-tin-ve-bau-cu-dai-bieu-quoc-hoi-khoa-xv-nhiem-ky/"
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://testserver/tin-tuc/", "http://testserver/tin-tuc/"),
        (
            "http://testserver/tin-tuc/tăng-cường/",
            "http://testserver/tin-tuc/t%C4%83ng-c%C6%B0%E1%BB%9Dng/",
        ),
        (
            "http://BầuCử.vn:8080/đ/?q=bầu cử",
            "http://xn--buc-hhzqq.vn:8080/%C4%91/?q=b%E1%BA%A7u%20c%E1%BB%AD",
        ),
        ("https://x.vn/%C4%91/", "https://x.vn/%C4%91/"),
    ],
)
def test_payload_is_ascii_and_idempotent(url, expected):
    assert ascii_url(url) == expected
    assert ascii_url(expected) == expected


def test_payload_rejects_what_cannot_be_ascii():
    with pytest.raises(InvalidPayload):
        ascii_url("http://" + "đ" * 70 + ".vn/")
    with pytest.raises(InvalidPayload):
        ascii_url("http://testserver:99999999/")


@pytest.mark.parametrize(
    "url", [LONG_URL, ascii_url("http://testserver/tin-tuc/tăng-cường-bầu-cử/")]
)
@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_svg_and_png_decode_to_the_text(url, level):
    modules = render.encode(url, level)
    assert decode_svg(render.svg(modules, title="QR")) == url
    assert decode_png(render.png(modules, size=300)) == url


def test_svg_shape():
    modules = render.encode(LONG_URL)
    svg = render.svg(modules, title="Mã QR <của> trang")
    side = len(modules) + 2 * render.QUIET_ZONE
    assert f'viewBox="0 0 {side} {side}"' in svg
    # The title, first child of an image, names it for screen readers without any id.
    assert 'role="img"><title>Mã QR &lt;của&gt; trang</title>' in svg
    # Its own light background, so dark mode cannot make it unreadable.
    assert f'<path fill="#fff" d="M0 0h{side}v{side}H0z"/>' in svg
    assert "id=" not in svg
    # The quiet zone: nothing is drawn in the first four modules of any side.
    path = re.search(r'stroke="#000" d="([^"]+)"', svg).group(1)
    assert path.startswith("M4 4.5h7")


def test_svg_is_a_fraction_of_qrcodes_stock_path_svg():
    stock = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    stock.add_data(LONG_URL)
    stock.make(fit=True)
    stock_svg = stock.make_image(image_factory=qrcode.image.svg.SvgPathImage).to_string()
    ours = render.svg(render.encode(LONG_URL), title="QR").encode()
    assert len(ours) * 3 < len(stock_svg)


@pytest.mark.parametrize("size", [64, 100, 300, 2048])
def test_png_is_bounded_by_size_in_whole_modules(size):
    modules = render.encode(LONG_URL)
    side = len(modules) + 2 * render.QUIET_ZONE
    image = Image.open(io.BytesIO(render.png(modules, size=size)))
    assert image.width == image.height
    assert image.width == side * max(1, size // side)
    assert image.width <= max(size, side)


def test_too_long_or_bad_level():
    with pytest.raises(ValueError):
        render.encode("x" * 5000)
    with pytest.raises(ValueError):
        render.encode("x", "Z")

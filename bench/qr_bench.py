"""QR benchmark: the package's codes against qrcode's stock output and segno, for the same URLs.

``run(urls)`` with a list of URLs measures the three libraries only (no database): bytes and
time per code, SVG and PNG, error correction M, quiet zone 4, 10 pixels per module for PNG, and
whether zbar reads each code back when pyzbar and cairosvg are installed.

``run(portal, urls=N, repeat=R)`` with a seeded portal (``bench.seed``) takes N of its article
URLs and also times ``<article URL>qr.svg`` and ``qr.png`` over Django's stack: the first
request (empty cache, so the code is encoded) against a repeated one (served from the cache).

``python -m bench.qr_bench [N]`` runs the library comparison on N realistic portal URLs.
"""

from __future__ import annotations

import io
import statistics
import sys
from collections.abc import Callable, Iterable

import qrcode
import qrcode.image.svg
import segno

from bench.timing import timed
from wagtail_baucu.qr import render
from wagtail_baucu.qr.payload import ascii_url

PNG_SCALE = 10


TOPICS = [
    "Tăng cường thông tin, tuyên truyền về cuộc bầu cử",
    "Niêm yết danh sách cử tri tại khu vực bỏ phiếu",
    "Hội nghị hiệp thương lần thứ ba",
    "Tập huấn nghiệp vụ cho tổ bầu cử",
    "Bảo đảm an ninh, trật tự phục vụ ngày bầu cử",
]
PLACES = ["Hồng Bàng", "Lê Chân", "Ngô Quyền", "Kiến An", "Thủy Nguyên"]


def sample_urls(count: int = 50, host: str = "baucu.haiphong.gov.vn") -> list[str]:
    """Portal-like URLs: article slugs from Vietnamese titles, Unicode slugs, short links."""
    from wagtail_baucu.text.slugs import vietnamese_slugify

    urls = []
    for i in range(count):
        title = f"{TOPICS[i % len(TOPICS)]} tại {PLACES[i % len(PLACES)]} ({i})"
        kind = i % 5
        if kind == 3:  # an older page whose slug kept its diacritics
            urls.append(ascii_url(f"https://{host}/tin-tuc/{title.lower().replace(' ', '-')}/"))
        elif kind == 4:
            urls.append(f"https://{host}/p/{1000 + i}/")
        else:
            urls.append(f"https://{host}/tin-tuc/{vietnamese_slugify(title)}/")
    return urls


# --- The three ways to make a code -------------------------------------------------------------


def package_svg(url: str) -> bytes:
    modules = render.encode(url, "M")
    return render.svg(modules, title=f"QR code of {url}").encode()


def package_png(url: str) -> bytes:
    modules = render.encode(url, "M")
    side = len(modules) + 2 * render.QUIET_ZONE
    return render.png(modules, size=side * PNG_SCALE)


def _stock(url: str) -> qrcode.QRCode:
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, box_size=PNG_SCALE
    )
    code.add_data(url)
    code.make(fit=True)
    return code


def stock_svg(url: str) -> bytes:
    image = _stock(url).make_image(image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode").encode()


def stock_png(url: str) -> bytes:
    buffer = io.BytesIO()
    _stock(url).make_image().save(buffer)
    return buffer.getvalue()


def _segno(url: str) -> segno.QRCode:
    return segno.make(url, error="m", boost_error=False, micro=False)


def segno_svg(url: str) -> bytes:
    buffer = io.BytesIO()
    _segno(url).save(buffer, kind="svg", border=4, title=f"QR code of {url}")
    return buffer.getvalue()


def segno_png(url: str) -> bytes:
    buffer = io.BytesIO()
    _segno(url).save(buffer, kind="png", border=4, scale=PNG_SCALE)
    return buffer.getvalue()


MAKERS: dict[str, dict[str, Callable[[str], bytes]]] = {
    "package": {"svg": package_svg, "png": package_png},
    "qrcode": {"svg": stock_svg, "png": stock_png},
    "segno": {"svg": segno_svg, "png": segno_png},
}


# --- Measuring ---------------------------------------------------------------------------------


def _decoder() -> Callable[[str, bytes], str | None] | None:
    """zbar through pyzbar (SVG rasterised on white by cairosvg), if both are installed."""
    try:
        import cairosvg
        from PIL import Image
        from pyzbar.pyzbar import ZBarSymbol, decode
    except (ImportError, OSError):
        return None

    def read(fmt: str, data: bytes) -> str | None:
        if fmt == "svg":
            data = cairosvg.svg2png(bytestring=data, background_color="white", output_width=400)
        found = decode(Image.open(io.BytesIO(data)), symbols=[ZBarSymbol.QRCODE])
        return found[0].data.decode("ascii", "replace") if found else None

    return read


def _summary(values: list[float]) -> dict:
    return {
        "mean": round(statistics.fmean(values), 3),
        "median": round(statistics.median(values), 3),
        "min": round(min(values), 3),
        "max": round(max(values), 3),
    }


def compare_libraries(urls: Iterable[str], repeat: int = 3) -> dict:
    """Bytes, milliseconds per code and zbar reads for each library and format.

    Each URL is made by the three libraries in turn, ``repeat`` times, and the fastest run
    counts (the others measure the machine's noise more than the library).
    """
    urls = list(urls)
    read = _decoder()
    results: dict = {}
    for fmt in ("svg", "png"):
        sizes = {name: [] for name in MAKERS}
        times = {name: [] for name in MAKERS}
        decoded = {name: 0 for name in MAKERS}
        for url in urls:
            for name, makers in MAKERS.items():
                best = float("inf")
                for _ in range(repeat):
                    seconds, data = timed(lambda maker=makers[fmt], url=url: maker(url))
                    best = min(best, seconds)
                times[name].append(best * 1000)
                sizes[name].append(len(data))
                if read is not None and read(fmt, data) == url:
                    decoded[name] += 1
        results[fmt] = {
            name: {
                "bytes": _summary(sizes[name]),
                "ms": _summary(times[name]),
                "decoded": decoded[name] if read is not None else None,
            }
            for name in MAKERS
        }
        package_bytes = statistics.fmean(sizes["package"])
        results[fmt]["package_bytes_ratio"] = {
            other: round(package_bytes / statistics.fmean(sizes[other]), 3)
            for other in ("qrcode", "segno")
        }
    return {
        "urls": len(urls),
        "url_length": _summary([len(u) for u in urls]),
        "error_correction": "M",
        "quiet_zone": render.QUIET_ZONE,
        "png_pixels_per_module": PNG_SCALE,
        "libraries": results,
    }


def measure_endpoints(portal, count: int, repeat: int, repeats_per_code: int = 10) -> dict:
    """First (cold cache) and repeated requests of the articles' ``qr.svg`` and ``qr.png``.

    Each first request is followed by ``repeats_per_code`` repeats, as a code printed on a
    poster is asked for again and again; their median is the repeat time of that code.
    """
    from django.core.cache import cache

    from bench.timing import client, count_queries, ratio
    from wagtail_baucu.pages.mixins import NewsArticleMixin
    from wagtail_baucu.pages.registry import page_model
    from wagtail_baucu.public import public_pages

    model = page_model(NewsArticleMixin)
    pages = list(public_pages(model.objects.all()).order_by("-first_published_at")[:count])
    browser = client(portal.host)
    paths = [page.get_url() for page in pages]
    results = {}
    for fmt in ("svg", "png"):
        first, again = [], []
        for _ in range(repeat):
            for path in paths:
                url = f"{path}qr.{fmt}"
                cache.clear()
                browser.get("/")  # refills Wagtail's site cache, as live traffic keeps it full
                before = render.counts["encode"]
                seconds, response = timed(lambda url=url: browser.get(url))
                first.append(seconds)
                if response.status_code != 200 or render.counts["encode"] == before:
                    raise RuntimeError(f"GET {url}: {response.status_code}, encoded: no")
                repeats = []
                for _ in range(repeats_per_code):
                    seconds, response = timed(lambda url=url: browser.get(url))
                    repeats.append(seconds)
                again.append(statistics.median(repeats))
                if response.status_code != 200 or render.counts["encode"] != before + 1:
                    raise RuntimeError(f"GET {url} encoded again")
        url = f"{paths[0]}qr.{fmt}"
        cache.clear()
        browser.get("/")
        first_queries, _ = count_queries(lambda url=url: browser.get(url))
        repeat_queries, _ = count_queries(lambda url=url: browser.get(url))
        first_ms = statistics.median(first) * 1000
        again_ms = statistics.median(again) * 1000
        results[fmt] = {
            "first_ms": round(first_ms, 3),
            "repeat_ms": round(again_ms, 3),
            "speedup": round(ratio(first_ms, again_ms) or 0, 1),
            "queries": repeat_queries,
            "first_queries": first_queries,
            "requests": len(first),
        }
    results["generation"] = measure_generation([page.get_full_url() for page in pages], repeat)
    return {"pages": len(paths), **results}


def measure_generation(urls: list[str], repeat: int) -> dict:
    """The code service alone: making a page's SVG with an empty cache against a cached one."""
    from django.core.cache import cache

    from wagtail_baucu.qr import service

    first, again = [], []
    for _ in range(repeat):
        for url in urls:
            cache.clear()
            first.append(timed(lambda url=url: service.svg_for(url))[0])
            again.append(timed(lambda url=url: service.svg_for(url))[0])
    first_ms = statistics.median(first) * 1000
    again_ms = statistics.median(again) * 1000
    return {
        "first_ms": round(first_ms, 3),
        "repeat_ms": round(again_ms, 3),
        "speedup": round(first_ms / again_ms, 1) if again_ms else None,
    }


def run(source, urls: int | None = None, repeat: int = 3) -> dict:
    """Measure QR codes of ``source``: a list of URLs, or a seeded portal (see module docs)."""
    if isinstance(source, list | tuple):
        return compare_libraries(source, repeat=repeat)
    from wagtail_baucu.pages.mixins import NewsArticleMixin
    from wagtail_baucu.pages.registry import page_model
    from wagtail_baucu.public import public_pages

    count = urls or 50
    model = page_model(NewsArticleMixin)
    pages = public_pages(model.objects.all()).order_by("-first_published_at")[:count]
    article_urls = [ascii_url(page.get_full_url()) for page in pages]
    return {
        # Fastest of a few runs per code is stable enough; more only lengthens the run.
        **compare_libraries(article_urls, repeat=min(repeat, 3)),
        "endpoints": measure_endpoints(source, min(count, 10), min(repeat, 5)),
    }


def markdown(result: dict) -> list[str]:
    """The comparison as a Markdown table."""
    lines = [
        f"{result['urls']} URLs, {result['url_length']['mean']:.0f} characters on average; "
        f"error correction {result['error_correction']}, quiet zone {result['quiet_zone']}.",
        "",
        "| format | library | bytes (mean) | ms per code (median) | read by zbar |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for fmt, by_library in result["libraries"].items():
        for name in MAKERS:
            item = by_library[name]
            decoded = "—" if item["decoded"] is None else f"{item['decoded']}/{result['urls']}"
            lines.append(
                f"| {fmt.upper()} | {name} | {item['bytes']['mean']:,.0f} | "
                f"{item['ms']['median']:.2f} | {decoded} |"
            )
    endpoints = result.get("endpoints")
    if endpoints:
        lines += [
            "",
            "| endpoint | first request ms | repeat ms | speedup | queries (first / repeat) |",
        ]
        lines += ["| --- | ---: | ---: | ---: | ---: |"]
        for fmt in ("svg", "png"):
            e = endpoints[fmt]
            lines.append(
                f"| qr.{fmt} | {e['first_ms']:.2f} | {e['repeat_ms']:.3f} | "
                f"{e['speedup']:.0f}× | {e.get('first_queries', '—')} / {e['queries']} |"
            )
        g = endpoints["generation"]
        lines.append(
            f"| SVG from the service, no HTTP | {g['first_ms']:.2f} | {g['repeat_ms']:.3f} | "
            f"{g['speedup']:.0f}× | — |"
        )
    return lines


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    print("\n".join(markdown(run(sample_urls(count)))))

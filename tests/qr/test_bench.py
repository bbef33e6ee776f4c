"""The QR benchmark runs and its comparison holds on a few URLs."""

from bench import qr_bench


def test_library_comparison():
    urls = qr_bench.sample_urls(5)
    assert all(url.isascii() for url in urls)
    result = qr_bench.run(urls, repeat=1)
    svg, png = result["libraries"]["svg"], result["libraries"]["png"]
    for by_library in (svg, png):
        for name in qr_bench.MAKERS:
            assert by_library[name]["decoded"] == 5, name
    assert svg["package_bytes_ratio"]["qrcode"] < 0.3
    assert "| SVG | package |" in "\n".join(qr_bench.markdown(result))

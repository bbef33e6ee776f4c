"""Targets and tables for the QR measurements (``bench.qr_bench``)."""

from __future__ import annotations

from bench.report import QR_GENERATION_SPEEDUP, QR_REPEAT_SPEEDUP, Verdict, check


def result(run) -> dict | None:
    for by_size in run.results.values():
        for item in by_size.values():
            if item.get("qr"):
                return item["qr"]
    return None


def targets(run) -> list[Verdict]:
    qr = result(run)
    if qr is None:
        return [
            Verdict("QR SVG bytes / segno SVG bytes", "—", "≤ 1.00", "not measured"),
            Verdict(
                "QR first generation / repeat request",
                "—",
                f"≥ {QR_REPEAT_SPEEDUP:.0f}",
                "not measured",
            ),
        ]
    verdicts = [
        check(
            "QR SVG bytes / segno SVG bytes (mean over the URLs)",
            qr["libraries"]["svg"]["package_bytes_ratio"]["segno"],
            1.0,
            at_most=True,
        )
    ]
    endpoints = qr.get("endpoints") or {}
    for fmt in ("svg", "png"):
        speedup = endpoints.get(fmt, {}).get("speedup")
        verdicts.append(
            check(
                f"QR qr.{fmt}: first generation / repeat request",
                speedup,
                QR_REPEAT_SPEEDUP,
                at_most=False,
                fmt="{:.0f}",
            )
        )
    generation = endpoints.get("generation", {}).get("speedup")
    if generation is not None:
        verdicts.append(
            check(
                "QR code, no HTTP: first generation / repeat (the cache alone)",
                generation,
                QR_GENERATION_SPEEDUP,
                at_most=False,
                fmt="{:.0f}",
            )
        )
    return verdicts


def markdown(run) -> list[str]:
    from bench import qr_bench

    lines = ["## 4. QR codes", ""]
    qr = result(run)
    if qr is None:
        return lines + ["Not measured: the QR benchmark (`bench/qr_bench.py`) is not there.", ""]
    lines += [
        "The package's codes against `qrcode`'s stock path SVG and PNG and against `segno`, for "
        "the same article URLs (the fastest of the repetitions per code). The endpoints: the "
        "first request of an article's `qr.svg` / `qr.png` with the cache cleared (the page is "
        "looked up and the code encoded) against the median of the ten requests that follow "
        "(answered from the cache with one query, the generation tokens' read: section 4b).",
        "",
    ]
    return lines + qr_bench.markdown(qr) + [""]

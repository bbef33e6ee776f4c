"""The benchmark code keeps working: seeding gives real published pages, every measurement runs.

No timing is asserted here; ``make bench`` measures, these tests only keep its parts honest.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.test import Client

from bench import pages_bench, report, served
from bench.run import PROFILES, Run, merge
from bench.seed import folded_search_text, seed
from wagtail_baucu.pages import mixins
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.public import public_pages

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("bench.urls"),
    pytest.mark.usefixtures("connections_kept"),
]

ARTICLES = 12
DOCUMENTS = 6


@pytest.fixture
def portal():
    return seed(ARTICLES, documents=DOCUMENTS)


def test_seeded_articles_are_published_pages_in_a_valid_tree(portal):
    Article = page_model(mixins.NewsArticleMixin)
    Portal = page_model(mixins.ElectionPortalMixin)
    within = Portal.objects.get(pk=portal.portal_id)
    assert public_pages(Article.objects.all(), within=within).count() == ARTICLES
    # treebeard's own consistency check: paths, depths and child counts as add_child makes them.
    assert all(problems == [] for problems in Portal.base_page_model.find_problems())
    browser = Client(HTTP_HOST=portal.host)
    article = Article.objects.get(pk=portal.article_id)
    assert browser.get(portal.urls["article"]).status_code == 200
    assert article.get_url() == portal.urls["article"]
    assert article.categories.exists()


def test_seeded_derived_fields_equal_what_save_makes(portal):
    Article = page_model(mixins.NewsArticleMixin)
    Document = page_model(mixins.DirectiveDocumentMixin)
    for model in (Article, Document):
        for page in model.objects.all()[:3]:
            seeded = (
                page.search_text,
                getattr(page, "document_type", None),
                getattr(page, "number", None),
            )
            page.save()
            page.refresh_from_db()
            saved = (
                page.search_text,
                getattr(page, "document_type", None),
                getattr(page, "number", None),
            )
            assert seeded == saved
            assert page.search_text == folded_search_text(page)


def test_page_measurements_run(portal):
    result = pages_bench.run(portal, repeat=1, warmup=0)
    for section, names in [
        ("article", ("with extras", "without extras")),
        ("news_index", ("page 1", f"page {pages_bench.DEEP_PAGE}")),
        ("document_index", ("filter", "search")),
    ]:
        for name in names:
            timing = result[section][name]
            assert timing["status"] == 200
            assert timing["queries"] > 0
            assert timing["runs"] == 1
    assert result["document_index"]["search_found"]
    # The extras are really gone from the compared page.
    assert result["article"]["without extras"]["bytes"] < result["article"]["with extras"]["bytes"]
    assert (
        result["article"]["without extras"]["queries"] < result["article"]["with extras"]["queries"]
    )


def test_feed_measurements_run(portal):
    feeds_bench = pytest.importorskip("bench.feeds_bench")
    assert feeds_bench.run(portal, repeat=1)


def test_qr_measurements_run(portal):
    qr_bench = pytest.importorskip("bench.qr_bench")
    assert qr_bench.run(portal, urls=2, repeat=1)


def test_report_marks_targets_and_renders(portal):
    result = {
        "n": ARTICLES,
        "seed": portal.as_dict(),
        "pages": pages_bench.run(portal, repeat=1, warmup=0),
        "feeds": None,
        "qr": None,
    }
    run = Run(
        profile=PROFILES["full"],
        started=datetime.now(UTC),
        machine={"nproc": "2", "memory": "", "cpu": "test", "system": "test", "commit": "test"},
        versions={"Python": "3"},
        results={"sqlite": {100: result, 10_000: result}},
    )
    verdicts = report.targets(run)
    statuses = {verdict.name: verdict.status for verdict in verdicts}
    assert statuses["sqlite: queries per request, news index, page 1, N = 100 vs 10000"] == "met"
    assert statuses["served feed throughput / static-file ceiling"] == "not measured"
    text = report.markdown(run, verdicts)
    assert "## 2-3. Article and index pages" in text
    assert "| sqlite | 100 | article, with extras |" in text


def test_wrk_output_is_read():
    output = Path(__file__).with_name("wrk_output.txt").read_text()
    load = served.parse_wrk("http://127.0.0.1:1/", output, 100)
    assert load.requests_per_second == 1234.56
    assert load.p50_ms == pytest.approx(1.23)
    assert load.p99_ms == pytest.approx(12_000)
    assert load.errors == 3 + 5


def test_batches_merge_into_medians():
    batches = [
        {"median_ms": 10.0, "runs": 5, "queries": 18, "ratio": 1.5, "url": "/a/"},
        {"median_ms": 30.0, "runs": 5, "queries": 18, "ratio": 1.1, "url": "/a/"},
        {"median_ms": 20.0, "runs": 5, "queries": 18, "ratio": 1.3, "url": "/a/"},
    ]
    assert merge(batches) == {
        "median_ms": 20.0,
        "runs": 15,
        "queries": 18,
        "ratio": 1.3,
        "url": "/a/",
    }
    assert merge([{"qr": {"bytes": 3}}, {"qr": None}]) == {"qr": {"bytes": 3}}


def test_growth_pairs_each_batch_with_the_one_run_beside_it():
    def sized(*medians):
        batches = [{"pages": {"article": {"with extras": {"median_ms": m}}}} for m in medians]
        return {**merge(batches), "batches": batches}

    run = Run(
        profile=PROFILES["full"],
        started=datetime.now(UTC),
        machine={},
        versions={},
        # The machine slowed down during the first pair: both sizes took three times as long.
        results={"sqlite": {100: sized(30.0, 10.0, 10.0), 10_000: sized(33.0, 11.0, 11.5)}},
    )
    assert report.growth(run, "sqlite", "article", "with extras") == pytest.approx(1.1)
    # Without the batches (results saved before they were kept): the ratio of the medians.
    for result in run.results["sqlite"].values():
        del result["batches"]
    assert report.growth(run, "sqlite", "article", "with extras") == pytest.approx(11.5 / 10.0)


def test_token_read_is_measured_and_a_cached_answer_costs_one_query(portal):
    tokens_bench = pytest.importorskip("bench.tokens_bench")
    from bench import feeds_bench, tokens_report

    result = {
        "feeds": {"formats": {"rss": feeds_bench.run(portal, repeat=1)}},
        "tokens": tokens_bench.run(portal, repeat=1),
        "qr": None,
    }
    assert result["tokens"]["read_queries"] == 1
    assert result["tokens"]["read_ms"] > 0
    run = Run(
        profile=PROFILES["smoke"],
        started=datetime.now(UTC),
        machine={},
        versions={},
        results={"sqlite": {100: result}},
    )
    verdicts = {v.name: v for v in tokens_report.targets(run)}
    feed = verdicts["sqlite, N=100: queries of a cached feed and of a 304 (the token read)"]
    assert (feed.measured, feed.status) == ("rss cached: 1, rss 304: 1", "met")
    assert verdicts["sqlite, N=100: queries of one token read"].status == "met"
    # A cached answer with no query (tokens kept in the cache) is not what the design gives.
    result["feeds"]["formats"]["rss"]["package, 304"]["queries"] = 0
    verdicts = {v.name: v for v in tokens_report.targets(run)}
    assert verdicts[feed.name].status == "missed"
    assert "| sqlite | 100 |" in "\n".join(tokens_report.markdown(run))


def test_production_figures_go_into_the_report(tmp_path):
    from bench import production_report

    load = {
        "requests": 300,
        "statuses": {"200": 290, "503": 10},
        "clean_503": 10,
        "stale": 0,
        "max_staleness_s": 0.0,
        "publishes": 9,
        "p50_ms": 800.0,
        "p99_ms": 9000.0,
    }
    figures = {
        "run": {"started": "2026-12-02T16:00:00+00:00", "outcomes": {"test_a": "passed"}},
        "load": load,
        "postgres_restart": {
            **load,
            "statuses": {"200": 290, "503": 8, "500": 2},
            "restart_s": 0.3,
            "recovered_after_s": 0.2,
            "publish_failures": 1,
        },
    }
    assert production_report.errors(figures["postgres_restart"]) == 0  # 10 clean 503s counted
    figures["postgres_restart"]["clean_503"] = 8
    assert production_report.errors(figures["postgres_restart"]) == 2
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmark results\n\nbefore\n")
    production_report.update(results, figures)
    production_report.update(results, figures)  # replaced, not added twice
    text = results.read_text()
    assert text.count(production_report.START) == 1
    assert "| 4. PostgreSQL restarted | 300 | 2 | 8 | 0 (max 0.00 s) | 0.20 | 9 |" in text
    assert "1 of 1 tests passed" in text
    production_report.update(results, {})
    assert "Not measured" in results.read_text()

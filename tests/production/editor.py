"""A long-lived editor process of the production suite: drafts, publishes, schedules, unpublishes.

Run with the site's settings (``python -m tests.production.editor``); reads one JSON command a
line on stdin and answers one JSON line. It is another process than the web workers, as cron,
a management command or a shell would be. An error (the database restarting) is answered, not
raised, so the process carries on.
"""

import json
import sys
import time
from datetime import timedelta

import django


def article(news_index, title: str, slug: str):
    from wagtail_baucu.pages.models import NewsArticlePage

    page = NewsArticlePage(
        title=title, slug=slug, lead=title, body=[("paragraph", f"<p>{title}</p>")], live=False
    )
    news_index.add_child(instance=page)
    return page


def run(command: dict) -> dict:
    from django.utils import timezone
    from wagtail.models import Page

    from wagtail_baucu.feeds.signals import affected_feed_urls
    from wagtail_baucu.pages.models import NewsIndexPage

    op = command["op"]
    if op in ("draft", "publish", "schedule"):
        news_index = NewsIndexPage.objects.live().first()
        page = article(news_index, command["title"], command["slug"])
        if op == "schedule":
            page.go_live_at = timezone.now() + timedelta(seconds=command["in_seconds"])
        revision = page.save_revision()
        if op != "draft":
            revision.publish()
    elif op == "unpublish":
        page = Page.objects.get(pk=command["id"]).specific
        page.unpublish()
    elif op == "feeds":
        page = Page.objects.get(pk=command["id"]).specific
        return {"feeds": affected_feed_urls(page)}
    else:
        raise ValueError(op)
    page.refresh_from_db()
    return {"id": page.pk, "url": page.url, "live": page.live}


def main() -> None:
    django.setup()
    from django.db import close_old_connections

    for line in sys.stdin:
        try:
            answer = run(json.loads(line))
        except Exception as error:
            close_old_connections()
            answer = {"error": f"{type(error).__name__}: {error}"}
        answer["committed"] = time.time()
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

"""A long-lived editor process of the production suite: publishes and unpublishes articles.

Run with the site's settings (``python -m tests.production.editor``); reads one JSON command
a line on stdin and answers one JSON line: the page's id, path and when the publish committed.
Publishing here is another process than the web workers, as cron or a shell would be.
"""

import json
import sys
import time

import django


def main() -> None:
    django.setup()
    from wagtail.models import Page

    from wagtail_baucu.pages.models import NewsArticlePage, NewsIndexPage

    news_index = NewsIndexPage.objects.live().first()
    for line in sys.stdin:
        command = json.loads(line)
        op = command["op"]
        if op == "draft":
            page = NewsArticlePage(
                title=command["title"],
                slug=command["slug"],
                lead=command["title"],
                body=[("paragraph", f"<p>{command['title']}</p>")],
                live=False,
            )
            news_index.add_child(instance=page)
            page.save_revision()
        elif op == "publish":
            page = (
                Page.objects.get(pk=command["id"]).specific
                if "id" in command
                else NewsArticlePage(
                    title=command["title"],
                    slug=command["slug"],
                    lead=command["title"],
                    body=[("paragraph", f"<p>{command['title']}</p>")],
                    live=False,
                )
            )
            if page.pk is None:
                news_index.add_child(instance=page)
            started = time.time()
            page.save_revision().publish()
        elif op == "unpublish":
            page = Page.objects.get(pk=command["id"]).specific
            started = time.time()
            page.unpublish()
        else:
            raise ValueError(op)
        page.refresh_from_db()
        answer = {
            "id": page.pk,
            "url": page.url,
            "live": page.live,
            "started": locals().get("started"),
            "committed": time.time(),
        }
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

"""Load the demo election portal, idempotently: a second run finds everything and adds nothing.

Pages are found by their parent and slug, agencies by code, categories by slug, images and
files by title. What exists is left as it is, so editors' changes to the demo survive a rerun.
Pages are built through the package's mixins, so the loader also works with a custom base page.
"""

from __future__ import annotations

import io
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from example_site.demo import data
from example_site.demo.elections import load_election
from example_site.demo.files import banner_png, pdf_bytes
from wagtail_baucu.agencies.models import Agency, Category
from wagtail_baucu.agencies.onboarding import add_contributor, ensure_moderators, onboard_agency
from wagtail_baucu.elections.milestones import LAW_2015
from wagtail_baucu.elections.timeline.proposals import fill_timeline
from wagtail_baucu.pages import mixins
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.portals.creation import PortalSpec, create_portal
from wagtail_baucu.qr.models import SocialChannel, SocialChannels
from wagtail_baucu.questions.mixins import QuestionIndexMixin, QuestionPageMixin
from wagtail_baucu.text.slugs import vietnamese_slugify

DEFAULT_HOSTNAME = "127.0.0.1"
DEFAULT_PORT = 8000
ADMIN_USERNAME = "admin"
DEFAULT_ADMIN_PASSWORD = "baucu-demo"


@dataclass
class DemoResult:
    """What a run of the loader found and made."""

    portal: object = None
    site: Site | None = None
    created: Counter = field(default_factory=Counter)
    admin_username: str = ADMIN_USERNAME
    # Set only when this run chose the password, so it can be printed.
    admin_password: str | None = None
    # Editors this run made: (username, password, role), to be printed.
    editors: list = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return sum(self.created.values()) > 0


def load_demo(
    hostname: str | None = None, port: int | None = None, admin_password: str | None = None
) -> DemoResult:
    """Load the demo portal as the default site's root at ``hostname:port``; return a summary.

    The portal, its indexes and its Site are made by ``wagtail_baucu.portals``, as
    ``manage.py baucu_portal create`` makes them; the rest is demo content.

    ``hostname`` defaults to ``DEMO_HOSTNAME`` or 127.0.0.1, ``port`` to ``PORT`` or 8000 and
    the admin password to ``DEMO_ADMIN_PASSWORD`` or "baucu-demo".
    """
    hostname = hostname or os.environ.get("DEMO_HOSTNAME") or DEFAULT_HOSTNAME
    port = int(port or os.environ.get("PORT") or DEFAULT_PORT)
    admin_password = admin_password or os.environ.get("DEMO_ADMIN_PASSWORD")
    result = DemoResult()
    with transaction.atomic():
        loader = _Loader(result)
        agencies = loader.agencies()
        categories = loader.categories()
        made = create_portal(
            PortalSpec(
                title=data.PORTAL_TITLE,
                slug=data.PORTAL_SLUG,
                election_name=data.ELECTION_NAME,
                election_day=data.ELECTION_DAY,
                introduction=data.PORTAL_INTRODUCTION,
                hostname=hostname,
                port=port,
                remove_home_page=True,
            )
        )
        result.portal, result.site = made.portal, made.site
        if made.changes:
            result.created["portal changes"] += len(made.changes)
        loader.social_channels(result.site)
        indexes = loader.indexes(result.portal)
        agency_pages = loader.agency_pages(indexes["AgencyIndex"], agencies)
        documents = loader.documents(indexes["DocumentIndex"], agencies)
        loader.articles(indexes["NewsIndex"], agency_pages, agencies, categories, documents)
        loader.election(result.portal)
        set_up_editors(result, agencies, agency_pages)
        result.admin_password = loader.admin(admin_password)
    return result


# The demo's editors: a moderator and contributors of three agencies (None: the moderators).
DEMO_EDITORS = [
    ("bientap", None),
    ("svhtt", "SVHTT"),
    ("stttt", "STTTT"),
    ("ubbchb", "UBBCHB"),
]
DEFAULT_EDITOR_PASSWORD = "baucu-demo"


def set_up_editors(
    result: DemoResult, agencies: dict[str, Agency], agency_pages: dict[str, object]
) -> None:
    """Moderators and three agencies' contributors, through the package's onboarding."""
    moderators = ensure_moderators(result.portal)
    for _username, code in DEMO_EDITORS:
        if code is not None:
            onboard_agency(code, agencies[code].name, portal=result.portal)
    User = get_user_model()
    for username, code in DEMO_EDITORS:
        if User.objects.filter(username=username).exists():
            continue
        user = User.objects.create_user(
            username, f"{username}@example.invalid", DEFAULT_EDITOR_PASSWORD
        )
        if code is None:
            user.groups.add(moderators)
        else:
            add_contributor(code, username)
        role = "moderator" if code is None else f"contributor of {code}"
        result.editors.append((username, DEFAULT_EDITOR_PASSWORD, role))
        result.created["users"] += 1


def model(name: str) -> type:
    """The concrete page model for a mixin name, e.g. ``model("NewsArticle")``."""
    return page_model(getattr(mixins, f"{name}Mixin"))


class _Loader:
    def __init__(self, result: DemoResult):
        self.result = result

    def _made(self, kind: str) -> None:
        self.result.created[kind] += 1

    def agencies(self) -> dict[str, Agency]:
        agencies = {}
        for item in data.AGENCIES:
            agency, created = Agency.objects.get_or_create(
                code=item.code,
                defaults={
                    "name": item.name,
                    "short_name": item.short_name,
                    "kind": item.kind,
                    "phone": item.phone,
                    "address": item.address,
                },
            )
            if created:
                self._made("agencies")
            agencies[item.code] = agency
        return agencies

    def categories(self) -> dict[str, Category]:
        categories = {}
        for name, description in data.CATEGORIES:
            category, created = Category.objects.get_or_create(
                slug=vietnamese_slugify(name), defaults={"name": name, "description": description}
            )
            if created:
                self._made("categories")
            categories[name] = category
        return categories

    def social_channels(self, site: Site) -> None:
        """The demo's Fanpage, Zalo official account and YouTube channel, added once each."""
        setting, _ = SocialChannels.objects.get_or_create(site=site)
        for order, (name, kind, url) in enumerate(data.SOCIAL_CHANNELS):
            if not setting.channels.filter(url=url).exists():
                SocialChannel.objects.create(
                    setting=setting, name=name, kind=kind, url=url, sort_order=order
                )
                self._made("social channels")

    def indexes(self, portal) -> dict[str, object]:
        """The indexes the portal was created with, by mixin name."""
        return {
            name: model(name).objects.child_of(portal).get()
            for name in ("NewsIndex", "DocumentIndex", "AgencyIndex")
        }

    def election(self, portal) -> None:
        election = load_election(portal, self._made)
        if fill_timeline(election, LAW_2015):
            self._made("milestones")
        self.questions(portal)

    def questions(self, portal) -> None:
        """The Q&A index and a few answers (examples written for the demo)."""
        index = self._child(
            portal,
            page_model(QuestionIndexMixin),
            "hoi-dap",
            lambda: page_model(QuestionIndexMixin)(
                title="Hỏi đáp về bầu cử",
                intro="<p>Ủy ban bầu cử thành phố trả lời câu hỏi của cử tri (ví dụ minh họa).</p>",
            ),
            when=datetime(2021, 3, 1, 8, 0, tzinfo=data.VN),
        )
        for slug, title, topic, question, answer in data.QUESTIONS:
            self._child(
                index,
                page_model(QuestionPageMixin),
                slug,
                lambda title=title, topic=topic, question=question, answer=answer: page_model(
                    QuestionPageMixin
                )(title=title, topic=topic, question=question, answer=answer),
                when=datetime(2021, 4, 20, 8, 0, tzinfo=data.VN),
            )

    def agency_pages(self, agency_index, agencies: dict[str, Agency]) -> dict[str, object]:
        agency_model = model("AgencyPage")
        pages = {}
        for item in data.AGENCIES:
            if not item.has_page:
                continue
            agency = agencies[item.code]
            pages[item.code] = self._child(
                agency_index,
                agency_model,
                agency.slug,
                lambda agency=agency: agency_model(
                    title=agency.name,
                    agency=agency,
                    intro=f"<p>Tin tức và văn bản của {agency.name} về cuộc bầu cử.</p>",
                ),
                when=datetime(2021, 2, 9, 8, 0, tzinfo=data.VN),
            )
            if agency.section_id is None:
                # The agency's space in the tree, as onboarding would attach it.
                agency.section = pages[item.code]
                agency.save(update_fields=["section"])
        return pages

    def documents(self, document_index, agencies: dict[str, Agency]) -> dict[str, object]:
        document_model = model("DirectiveDocument")
        documents = {}
        for item in data.DOCUMENTS:
            documents[item.number] = self._child(
                document_index,
                document_model,
                vietnamese_slugify(item.number),
                lambda item=item: document_model(
                    title=item.title,
                    document_number=item.number,
                    issuer=agencies[item.issuer],
                    issue_date=item.issue_date,
                    effective_date=item.effective_date,
                    summary=item.summary,
                    level=item.level,
                    file=self._file(item, agencies[item.issuer]),
                ),
                when=item.published,
            )
        return documents

    def articles(self, news_index, agency_pages, agencies, categories, documents) -> None:
        article_model = model("NewsArticle")
        for item in data.ARTICLES:
            parent = agency_pages[item.agency] if item.in_agency_space else news_index

            def build(item=item):
                return article_model(
                    title=item.title,
                    lead=item.lead,
                    agency=agencies[item.agency],
                    lead_image=self._image(item.title, item.color),
                    body=self._body(item, documents),
                    source_name=item.source_name,
                    source_url=item.source_url,
                )

            def relate(page, item=item):
                page.categories.set([categories[name] for name in item.categories])
                page.related_documents.set([documents[n] for n in item.related_documents])

            self._child(parent, article_model, item.slug, build, when=item.published, then=relate)

    def admin(self, password: str | None) -> str | None:
        User = get_user_model()
        user = User.objects.filter(username=ADMIN_USERNAME).first()
        if user is None:
            password = password or DEFAULT_ADMIN_PASSWORD
            User.objects.create_superuser(ADMIN_USERNAME, "admin@example.invalid", password)
            self._made("users")
            return password
        if password and not user.check_password(password):
            # A password given explicitly wins over the one set by an earlier run.
            user.set_password(password)
            user.save(update_fields=["password"])
            self._made("password changes")
            return password
        return None

    def _child(self, parent, page_class, slug, build, when: datetime, then=None):
        """The published child of ``parent`` with ``slug``, made by ``build()`` if missing."""
        existing = page_class.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        page = build()
        page.slug = slug
        page.live = False
        parent.add_child(instance=page)
        if then is not None:
            then(page)
            page.save()
        page.save_revision().publish()
        # Publication dates as the demo tells them, not the time of loading.
        page_class.objects.filter(pk=page.pk).update(
            first_published_at=when, last_published_at=when
        )
        page.refresh_from_db()
        self._made(page_class._meta.verbose_name_plural)
        return page

    def _image(self, title: str, color: str, caption: str | None = None):
        image_model = get_image_model()
        title = caption or title
        image = image_model.objects.filter(title=title).first()
        if image is None:
            name = vietnamese_slugify(title, max_length=60) + ".png"
            # An ImageFile, so that Wagtail records the width and height.
            image = image_model(
                title=title, file=ImageFile(io.BytesIO(banner_png(title, color)), name=name)
            )
            image.save()
            self._made("images")
        return image

    def _file(self, item: data.DocumentData, issuer: Agency):
        document_model = get_document_model()
        title = f"{item.number} - {item.title}"
        document = document_model.objects.filter(title=title).first()
        if document is None:
            document = document_model(title=title)
            lines = [
                issuer.name.upper(),
                f"So: {item.number}",
                f"Ngay {item.issue_date:%d/%m/%Y}",
                item.title,
                "",
                item.summary,
                "",
                "Ban tao cho trang trinh dien.",
            ]
            name = vietnamese_slugify(item.number) + ".pdf"
            document.file.save(name, ContentFile(pdf_bytes(lines)), save=False)
            document.save()
            self._made("files")
        return document

    def _body(self, item: data.ArticleData, documents: dict[str, object]) -> list[dict]:
        blocks = []
        for block_type, value in item.body:
            if block_type == "document":
                value = {"document": documents[value].file_id, "title": ""}
            elif block_type == "image":
                image = self._image(item.title, item.color, caption=value)
                value = {"image": image.pk, "caption": value, "alt_text": ""}
            blocks.append({"type": block_type, "value": value})
        return blocks

"""One fixture factory for every test: builds portals, agencies, articles and documents.

Pages are made through the package's mixins, so the same tests run with Wagtail's default page
and with a custom base page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, Site

from example_site.demo.files import pdf_bytes
from wagtail_baucu.agencies.models import Agency, Category
from wagtail_baucu.pages import mixins
from wagtail_baucu.pages.registry import page_model

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def model(name: str):
    """The concrete page class for a mixin name, e.g. ``model("NewsArticle")``."""
    return page_model(getattr(mixins, f"{name}Mixin"))


def make_agency(code: str = "STTTT", name: str | None = None, **fields) -> Agency:
    agency, _ = Agency.objects.get_or_create(
        code=code,
        defaults={"name": name or f"Cơ quan {code}", "kind": Agency.Kind.DEPARTMENT, **fields},
    )
    return agency


def make_category(name: str = "Tuyên truyền") -> Category:
    category = Category.objects.filter(name=name).first()
    return category or Category.objects.create(name=name)


def make_image(title: str = "Ảnh cổ động", color: str = "red"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), color).save(buffer, "PNG")
    image = get_image_model()(title=title)
    image.file.save("anh.png", ContentFile(buffer.getvalue()), save=False)
    # Wagtail reads the size from the file only through its forms; set it as they would.
    image.width, image.height = 640, 360
    image.save()
    return image


def make_file(title: str = "Công văn 34/UBBC-TCTTT"):
    document = get_document_model()(title=title)
    document.file.save(
        "van-ban.pdf", ContentFile(pdf_bytes(title.encode("ascii", "ignore").decode())), save=False
    )
    document.save()
    return document


def publish(page, when: datetime | None = None):
    """Publish the page's latest content; ``when`` sets its publication time."""
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    if when is not None:
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=when, last_published_at=when
        )
        page.refresh_from_db()
    return page


@dataclass
class Portal:
    portal: object
    news_index: object
    document_index: object
    agency_index: object
    site: Site
    agency_pages: dict = field(default_factory=dict)

    def agency_page(self, agency: Agency):
        if agency.code not in self.agency_pages:
            page = model("AgencyPage")(title=agency.name, slug=agency.code.lower(), agency=agency)
            self.agency_index.add_child(instance=page)
            publish(page)
            self.agency_pages[agency.code] = page
        return self.agency_pages[agency.code]

    def article(
        self,
        title: str = "Tăng cường thông tin về bầu cử",
        *,
        agency: Agency | None = None,
        categories=(),
        live: bool = True,
        when: datetime | None = None,
        in_agency_space: bool = False,
        **fields,
    ):
        parent = self.agency_page(agency) if (agency and in_agency_space) else self.news_index
        fields.setdefault("lead", "Ủy ban bầu cử thành phố đề nghị cung cấp thông tin.")
        fields.setdefault(
            "body",
            [("paragraph", "<p>Nội dung bài viết về bầu cử đại biểu Quốc hội.</p>")],
        )
        page = model("NewsArticle")(title=title, agency=agency, live=False, **fields)
        parent.add_child(instance=page)
        if categories:
            page.categories.set(categories)
            page.save()
        if live:
            publish(page, when=when)
        else:
            page.save_revision()
        return page

    def one_page_of_each_type(self, agency: Agency) -> list:
        """The portal, its indexes, an agency page, an article and a document, all published."""
        return [
            self.portal,
            self.news_index,
            self.document_index,
            self.agency_index,
            self.agency_page(agency),
            self.article(),
            self.document("34/UBBC-TCTTT"),
        ]

    def document(
        self,
        number: str = "34/UBBC-TCTTT",
        *,
        title: str | None = None,
        issuer: Agency | None = None,
        live: bool = True,
        **fields,
    ):
        fields.setdefault("issue_date", date(2021, 3, 30))
        fields.setdefault("summary", "Về việc cung cấp thông tin về cuộc bầu cử.")
        page = model("DirectiveDocument")(
            title=title or f"Văn bản {number}",
            document_number=number,
            issuer=issuer,
            live=False,
            **fields,
        )
        self.document_index.add_child(instance=page)
        if live:
            publish(page)
        else:
            page.save_revision()
        return page


def make_portal(
    hostname: str = "testserver",
    port: int = 80,
    slug: str = "bau-cu-2021",
    *,
    parent=None,
    title: str = "Bầu cử đại biểu Quốc hội khóa XV",
    locale=None,
) -> Portal:
    """An election portal as the root of a site, with its news, document and agency indexes.

    With ``parent`` (a site's home page, see ``make_site_home``), the portal is one election
    among several in that site and the site is left as it is. ``locale`` (a Wagtail ``Locale``)
    is the portal's, and its pages'; by default the parent's.
    """
    Page = page_model(mixins.ElectionPortalMixin).base_page_model
    root = parent or Page.get_first_root_node()
    portal = model("ElectionPortal")(
        title=title,
        slug=slug,
        election_name=(
            "Bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026"
        ),
        election_day=date(2021, 5, 23),
        live=False,
        **({"locale": locale} if locale is not None else {}),
    )
    root.add_child(instance=portal)
    publish(portal)
    if parent is not None:
        site = parent.get_site()
    else:
        site = Site.objects.filter(hostname=hostname, port=port).first()
        if site is None:
            is_default = not Site.objects.filter(is_default_site=True).exists()
            site = Site.objects.create(
                hostname=hostname, port=port, root_page=portal, is_default_site=is_default
            )
        else:
            site.root_page = portal
            site.save()
    children = {}
    for name, title, slug_ in [
        ("NewsIndex", "Tin tức", "tin-tuc"),
        ("DocumentIndex", "Văn bản chỉ đạo", "van-ban-chi-dao"),
        ("AgencyIndex", "Cơ quan", "co-quan"),
    ]:
        child = model(name)(title=title, slug=slug_, live=False)
        portal.add_child(instance=child)
        children[name] = publish(child)
    return Portal(
        portal=portal,
        news_index=children["NewsIndex"],
        document_index=children["DocumentIndex"],
        agency_index=children["AgencyIndex"],
        site=site,
    )


def local(*args) -> datetime:
    """A datetime in Hồ Chí Minh City time."""
    return datetime(*args, tzinfo=VN)


def make_site_home(hostname: str = "testserver", port: int = 80, title: str = "Bầu cử"):
    """A plain page as the root of a site, to hold several election portals."""
    Page = page_model(mixins.ElectionPortalMixin).base_page_model
    home = Page(title=title, slug="trang-chu", live=False)
    Page.get_first_root_node().add_child(instance=home)
    publish(home)
    Site.objects.update_or_create(
        hostname=hostname, port=port, defaults={"root_page": home, "is_default_site": True}
    )
    return home


def make_user(username: str, *groups, password: str = "mat-khau-thu", **fields):
    """An active user with an e-mail address, in ``groups``; the password is ``password``."""
    from django.contrib.auth import get_user_model

    fields.setdefault("email", f"{username}@example.invalid")
    user = get_user_model().objects.create_user(username=username, password=password, **fields)
    user.groups.add(*groups)
    return user


def make_social_channels(site: Site, channels: list[tuple]):
    """The site's social channels setting with ``(name, url)`` or ``(name, url, kind)``
    channels in that order."""
    from wagtail_baucu.qr.models import SocialChannel, SocialChannels

    setting, _ = SocialChannels.objects.get_or_create(site=site)
    setting.channels.all().delete()
    for order, (name, url, *kind) in enumerate(channels):
        SocialChannel.objects.create(
            setting=setting, name=name, url=url, kind=kind[0] if kind else "other", sort_order=order
        )
    return setting


def restrict(page, restriction_type: str = PageViewRestriction.LOGIN) -> PageViewRestriction:
    """Make ``page`` and everything under it private (a Wagtail view restriction)."""
    return PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password="mat-khau"
    )


def schedule(page, go_live_at: datetime):
    """Publish the page's latest content at ``go_live_at`` (in the future: not live until then)."""
    page.go_live_at = go_live_at
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def expire(page, expire_at: datetime):
    """Set an expiry time on a live page without running ``publish_scheduled``."""
    type(page).objects.filter(pk=page.pk).update(expire_at=expire_at)
    page.refresh_from_db()
    return page

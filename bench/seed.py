"""Seed an empty, migrated database with an election portal of N articles, fast.

Publishing 10,000 pages one by one (``add_child``, a revision, ``publish``) takes many minutes.
Here the structure pages (portal, indexes, agency pages) go through Wagtail's normal path, and
the articles and documents are written in bulk: tree paths computed as treebeard would, the base
page rows with ``bulk_create``, each page's own row with a raw insert, as ``loaddata`` does. The
pages come out as readers see published pages: live, first and last published times set,
``url_path`` set, in a site, the folded search text and parsed reference numbers filled in as
their ``save()`` would. They have no revisions and are not in Wagtail's search index (the public
search reads the folded text, not that index). On PostgreSQL the planner statistics are
gathered at the end (``ANALYZE``), as autovacuum would.

Import it once Django is set up (``bench.run`` does that).
"""

from __future__ import annotations

import io
import json
import time
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection, transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from bench import content
from wagtail_baucu.agencies.models import Agency, Category
from wagtail_baucu.pages import mixins
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.qr.models import SocialChannel, SocialChannels
from wagtail_baucu.text.folding import fold
from wagtail_baucu.text.slugs import vietnamese_slugify

VN = ZoneInfo("Asia/Ho_Chi_Minh")
# The newest article's publication time; older ones follow every 47 minutes.
NEWEST = datetime(2021, 5, 22, 18, 0, tzinfo=VN)
ARTICLE_SPACING = timedelta(minutes=47)
# Renditions the article and listing templates ask for, made once at seeding time.
RENDITIONS = ("width-960", "fill-480x270")
IMAGE_COUNT = 4
FILE_COUNT = 3
# Share of articles written in an agency's own space rather than in the news index.
AGENCY_SPACE_EVERY = 3
BATCH = 500
MEASURED_ARTICLE = 50


@dataclass
class SeededPortal:
    """What the measurements need to know about a seeded portal."""

    n: int
    documents: int
    host: str
    portal_id: int
    news_index_id: int
    document_index_id: int
    article_id: int
    urls: dict[str, str]
    seconds: float
    seconds_by_step: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def seed(n: int, *, documents: int | None = None, host: str = "localhost") -> SeededPortal:
    """Build a portal with ``n`` live articles and ``documents`` directive documents.

    Needs a migrated database without a portal; makes the portal the root of the default site
    on ``host``.
    """
    documents = max(20, n // 10) if documents is None else documents
    steps: dict[str, float] = {}
    started = time.perf_counter()
    with transaction.atomic():
        clock = time.perf_counter()
        images = make_images(IMAGE_COUNT)
        files = make_files(FILE_COUNT)
        agencies = make_agencies()
        categories = make_categories()
        steps["images, files, agencies"] = time.perf_counter() - clock

        clock = time.perf_counter()
        tree = make_structure(host, agencies)
        steps["portal and indexes (published normally)"] = time.perf_counter() - clock

        clock = time.perf_counter()
        document_pages = add_documents(tree, documents, agencies, files)
        steps[f"{documents} documents (bulk)"] = time.perf_counter() - clock

        clock = time.perf_counter()
        articles = add_articles(tree, n, agencies, categories, images, document_pages)
        steps[f"{n} articles (bulk)"] = time.perf_counter() - clock

        clock = time.perf_counter()
        for image in images:
            for spec in RENDITIONS:
                image.get_rendition(spec)
        steps["renditions"] = time.perf_counter() - clock
    if connection.vendor == "postgresql":
        # Planner statistics, as autovacuum gathers them within a minute of a bulk load; a
        # freshly loaded table without them makes PostgreSQL sort whole tables. (SQLite has none
        # unless someone runs ANALYZE, and Django does not.)
        clock = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        steps["statistics (ANALYZE)"] = time.perf_counter() - clock
    seconds = time.perf_counter() - started

    # The same article at every size (the 50th newest), so its page is compared like for like.
    measured = next(page for page in articles if page._bench_serial == min(MEASURED_ARTICLE, n))
    return SeededPortal(
        n=n,
        documents=documents,
        host=host,
        portal_id=tree.portal.pk,
        news_index_id=tree.news_index.pk,
        document_index_id=tree.document_index.pk,
        article_id=measured.pk,
        urls={
            "portal": site_path(tree.portal, tree),
            "news_index": site_path(tree.news_index, tree),
            "document_index": site_path(tree.document_index, tree),
            "article": site_path(measured, tree),
        },
        seconds=seconds,
        seconds_by_step=steps,
    )


# --- Shared media, agencies, categories -------------------------------------------------------


def banner(index: int) -> bytes:
    """A 1200×675 JPEG with some structure, so renditions cost what real photos cost."""
    colours = ["#b71c1c", "#0d47a1", "#1b5e20", "#e65100", "#4a148c"]
    image = PILImage.new("RGB", (1200, 675), colours[index % len(colours)])
    draw = ImageDraw.Draw(image)
    for step in range(0, 1200, 40):
        draw.line([(step, 0), (1200 - step, 675)], fill="#fbc02d", width=3)
    draw.rectangle([0, 590, 1200, 675], fill="#fbc02d")
    draw.text((60, 300), f"Bau cu 2021 - anh {index + 1}", fill="white")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def make_images(count: int) -> list:
    Image = get_image_model()
    images = []
    for index in range(count):
        upload = ImageFile(io.BytesIO(banner(index)), name=f"bau-cu-{index + 1}.jpg")
        image = Image(title=f"Ảnh bầu cử {index + 1}", file=upload)
        image.save()
        images.append(image)
    return images


def pdf(text: str) -> bytes:
    """A one-page PDF of a few hundred bytes, enough for enclosures with a real length."""
    stream = f"BT /F1 14 Tf 56 780 Td ({text}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def make_files(count: int) -> list:
    Document = get_document_model()
    files = []
    for index in range(count):
        document = Document(title=f"Văn bản đính kèm {index + 1}")
        document.file.save(
            f"van-ban-{index + 1}.pdf", ContentFile(pdf(f"Van ban {index + 1}")), save=False
        )
        document.save()
        files.append(document)
    return files


def make_agencies() -> list[Agency]:
    return [
        Agency.objects.get_or_create(code=code, defaults={"name": name, "kind": kind})[0]
        for code, name, kind in content.AGENCIES
    ]


def make_categories() -> list[Category]:
    return [
        Category.objects.get_or_create(slug=vietnamese_slugify(name), defaults={"name": name})[0]
        for name in content.CATEGORIES
    ]


# --- The structure: published the normal way --------------------------------------------------


@dataclass
class Tree:
    portal: object
    news_index: object
    document_index: object
    agency_index: object
    agency_pages: dict[int, object]


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_structure(host: str, agencies: list[Agency]) -> Tree:
    Portal = page_model(mixins.ElectionPortalMixin)
    root = Portal.base_page_model.get_first_root_node()
    portal = publish(
        root,
        Portal(
            title="Bầu cử đại biểu Quốc hội khóa XV và HĐND các cấp",
            slug="bau-cu-2021",
            election_name=(
                "Bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026"
            ),
            election_day=date(2021, 5, 23),
        ),
    )
    Site.objects.all().delete()
    site = Site.objects.create(hostname=host, port=80, root_page=portal, is_default_site=True)
    Site.clear_site_root_paths_cache()
    channels = SocialChannels.for_site(site)
    for order, (name, url) in enumerate(content.SOCIAL_CHANNELS):
        SocialChannel.objects.create(setting=channels, name=name, url=url, sort_order=order)
    indexes = {}
    for mixin, title, slug in [
        (mixins.NewsIndexMixin, "Tin tức", "tin-tuc"),
        (mixins.DocumentIndexMixin, "Văn bản chỉ đạo", "van-ban-chi-dao"),
        (mixins.AgencyIndexMixin, "Cơ quan", "co-quan"),
    ]:
        indexes[mixin] = publish(portal, page_model(mixin)(title=title, slug=slug))
    AgencyPage = page_model(mixins.AgencyPageMixin)
    agency_pages = {
        agency.pk: publish(
            indexes[mixins.AgencyIndexMixin],
            AgencyPage(title=agency.name, slug=agency.slug, agency=agency),
        )
        for agency in agencies
    }
    return Tree(
        portal=portal,
        news_index=indexes[mixins.NewsIndexMixin],
        document_index=indexes[mixins.DocumentIndexMixin],
        agency_index=indexes[mixins.AgencyIndexMixin],
        agency_pages=agency_pages,
    )


def site_path(page, tree: Tree) -> str:
    """The page's path on the portal's site, e.g. ``/tin-tuc/slug/``."""
    return page.url_path[len(tree.portal.url_path) - 1 :]


# --- Bulk pages ---------------------------------------------------------------------------------


def page_defaults(model) -> dict:
    """The fields Wagtail's save and publish set on every published page of ``model``."""
    return {
        "content_type_id": ContentType.objects.get_for_model(model).pk,
        "locale_id": Locale.get_default().pk,
        "live": True,
        "has_unpublished_changes": False,
        "numchild": 0,
    }


def published_at(when: datetime) -> dict:
    """The time-stamps of a page published once, at ``when``."""
    return {
        "first_published_at": when,
        "last_published_at": when,
        "latest_revision_created_at": when,
    }


def bulk_add_children(parent, pages: list) -> list:
    """Insert ``pages`` (unsaved, of one concrete model) as the last children of ``parent``.

    Paths follow treebeard's materialised-path scheme; the parent's ``numchild`` is updated.
    """
    if not pages:
        return pages
    model = type(pages[0])
    base_models = [m for m in model._meta.get_parent_list() if not m._meta.abstract]
    if len(base_models) != 1:
        raise NotImplementedError(f"{model} must inherit from exactly one concrete page model")
    Base = base_models[0]
    last = parent.get_last_child()
    position = Base._str2int(last.path[-Base.steplen :]) if last else 0
    depth = parent.depth + 1
    for page in pages:
        position += 1
        page.path = Base._get_path(parent.path, depth, position)
        page.depth = depth
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
    base_fields = [f for f in Base._meta.concrete_fields if not f.primary_key]
    rows = [Base(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
    for start in range(0, len(rows), BATCH):
        Base.objects.bulk_create(rows[start : start + BATCH])
    for page, row in zip(pages, rows, strict=True):
        page.pk = row.pk
        setattr(page, Base._meta.pk.attname, row.pk)
        # Only this model's own table: the base row is already there (as loaddata does it).
        page.save_base(raw=True, force_insert=True)
    Base.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    parent.numchild += len(pages)
    return pages


def folded_search_text(page) -> str:
    """The search text ``BaucuPageMixin.save`` stores."""
    return fold(" ".join(part for part in page.get_search_text_parts() if part))


class ArticleSearchText:
    """``folded_search_text`` for articles, rendering and folding each distinct body once.

    Rendering 5 KB of rich text (with its link look-ups) and folding it costs milliseconds per
    article; the seeded bodies come from a few variants. Folding works character by character
    and collapses white space, so folding the parts one by one and joining them with spaces
    gives the same text as folding the joined parts (the smoke test checks it against
    ``save()``).
    """

    def __init__(self, model):
        self.model = model
        # The article's own fields come before the body's parts in get_search_text_parts.
        self.body_position = len(model().get_search_text_parts())
        self.bodies: dict[str, str] = {}

    def __call__(self, page, body: list[dict]) -> str:
        key = json.dumps([{k: v for k, v in block.items() if k != "id"} for block in body])
        if key not in self.bodies:
            parts = self.model(body=body).get_search_text_parts()[self.body_position :]
            self.bodies[key] = fold(" ".join(part for part in parts if part))
        page.body = []
        parts = page.get_search_text_parts()
        page.body = body
        folded = [fold(part) if part else "" for part in parts]
        folded.insert(self.body_position, self.bodies[key])
        return " ".join(part for part in folded if part)


def add_documents(tree: Tree, count: int, agencies: list[Agency], files: list) -> list:
    Document = page_model(mixins.DirectiveDocumentMixin)
    by_code = {agency.code: agency for agency in agencies}
    defaults = page_defaults(Document)
    pages = []
    for serial in range(count, 0, -1):
        type_code, issuer_code, summary = content.DOCUMENT_KINDS[
            serial % len(content.DOCUMENT_KINDS)
        ]
        number = content.document_number(serial, type_code, issuer_code)
        issue_date = (NEWEST - timedelta(days=serial // 3)).date()
        issuer = by_code.get(issuer_code.split("-")[0])
        page = Document(
            title=f"{summary} ({number})",
            slug=vietnamese_slugify(f"van-ban-{number}"),
            document_number=number,
            issuer=issuer,
            issuer_name="" if issuer else "Sở Văn hóa và Thể thao",
            issue_date=issue_date,
            effective_date=issue_date,
            summary=f"{summary} đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp.",
            level="city",
            file=files[serial % len(files)],
            agency=issuer,
            **defaults,
            **published_at(datetime.combine(issue_date, datetime.min.time(), VN)),
        )
        parsed = page.parsed_number
        page.number, page.number_year = parsed.number, parsed.year
        page.document_type = parsed.type_code or page.document_type
        page.issuer_code, page.unit_code = parsed.issuer_code, parsed.unit_code or ""
        page.search_text = folded_search_text(page)
        pages.append(page)
    return bulk_add_children(tree.document_index, pages)


def add_articles(
    tree: Tree,
    count: int,
    agencies: list[Agency],
    categories: list[Category],
    images: list,
    documents: list,
) -> list:
    Article = page_model(mixins.NewsArticleMixin)
    defaults = page_defaults(Article)
    search_text = ArticleSearchText(Article)
    by_parent: dict[int, list] = {}
    # Written oldest first, so tree order follows publication order as it would in a newsroom.
    for serial in range(count, 0, -1):
        agency = agencies[serial % len(agencies)]
        in_space = serial % AGENCY_SPACE_EVERY == 0
        parent = tree.agency_pages[agency.pk] if in_space else tree.news_index
        document = documents[serial % len(documents)] if documents else None
        title = content.article_title(serial)
        body = content.article_body(
            serial,
            image_id=images[serial % len(images)].pk,
            news_index_id=tree.news_index.pk,
            document_id=document.file_id if document else None,
        )
        page = Article(
            title=title,
            slug=f"{vietnamese_slugify(title)}-{serial}",
            lead=content.article_lead(serial),
            body=body,
            lead_image=images[serial % len(images)],
            agency=agency,
            source_name="Báo Hải Phòng" if serial % 4 == 0 else "",
            source_url=f"https://baohaiphong.example.vn/bau-cu/{serial}.html"
            if serial % 4 == 0
            else "",
            **defaults,
            **published_at(NEWEST - serial * ARTICLE_SPACING),
        )
        page.search_text = search_text(page, body)
        page._bench_serial = serial
        by_parent.setdefault(parent.pk, [parent, []])[1].append(page)

    articles = []
    for parent, pages in by_parent.values():
        articles += bulk_add_children(parent, pages)

    Categories = Article.categories.through
    article_key, category_key = field_name(Categories, Article), field_name(Categories, Category)
    category_rows = []
    related_rows = []
    Related = getattr(Article, "related_documents", None)
    for page in articles:
        serial = page._bench_serial
        picked = {categories[serial % len(categories)], categories[(serial * 7) % len(categories)]}
        category_rows += [
            Categories(**{article_key: page.pk, category_key: category.pk}) for category in picked
        ]
        if Related is not None and documents and serial % 5 == 0:
            document = documents[serial % len(documents)]
            related_rows.append(
                Related.through(
                    **{
                        field_name(Related.through, Article): page.pk,
                        field_name(Related.through, type(document)): document.pk,
                    }
                )
            )
    Categories.objects.bulk_create(category_rows, batch_size=BATCH)
    if related_rows:
        type(related_rows[0]).objects.bulk_create(related_rows, batch_size=BATCH)
    articles.sort(key=lambda page: page.first_published_at, reverse=True)
    return articles


def field_name(through, target) -> str:
    """The attname of the foreign key from an M2M ``through`` model to the model ``target``."""
    return next(
        f.attname
        for f in through._meta.concrete_fields
        if f.is_relation and f.related_model is target
    )

"""The demo loader: idempotent, every page it makes renders, and its content is searchable.

The demo is loaded once for the class (it makes some thirty published pages); each test runs in
a transaction rolled back to that state.
"""

import io
import shutil
import tempfile

import pypdf
from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Revision, Site

from example_site.demo import data
from example_site.demo.content import ADMIN_USERNAME, DEFAULT_ADMIN_PASSWORD, load_demo, model
from tests.qr.scan import decode_svg, inline_svgs
from wagtail_baucu.agencies.models import Agency, Category
from wagtail_baucu.qr.models import SocialChannel

MEDIA_ROOT = tempfile.mkdtemp(prefix="baucu-demo-media-")


def counts() -> dict[str, int]:
    """How many of each kind of object the database holds."""
    base_page = model("ElectionPortal").base_page_model
    return {
        "pages": base_page.objects.count(),
        "revisions": Revision.objects.count(),
        "agencies": Agency.objects.count(),
        "categories": Category.objects.count(),
        "images": get_image_model().objects.count(),
        "files": get_document_model().objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
        "social channels": SocialChannel.objects.count(),
    }


@override_settings(MEDIA_ROOT=MEDIA_ROOT)
class DemoLoaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.result = load_demo(hostname="127.0.0.1", port=8000)

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)

    def test_an_article_shows_the_reader_tools_with_the_demo_social_channels(self):
        article = model("NewsArticle").objects.live().exclude(source_url="").first()
        self.assertIsNotNone(article)
        response = self.client.get(article.url, HTTP_HOST="127.0.0.1:8000")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        tools = html[html.index('<aside class="baucu-reader-tools"') :]
        tools = tools[: tools.index("</aside>")]
        self.assertIn(">In</a>", tools)
        self.assertIn(f'<a class="baucu-original" href="{article.source_url}"', tools)
        self.assertIn("Chúng tôi trên Mạng Xã hội", tools)
        codes = [decode_svg(svg) for svg in inline_svgs(tools)]
        self.assertEqual(codes, [article.full_url] + [url for _n, _k, url in data.SOCIAL_CHANNELS])
        for name, kind, url in data.SOCIAL_CHANNELS:
            self.assertIn(f'<a href="{url}" rel="noopener">{name}</a>', tools)
            self.assertIn(f'class="baucu-social-{kind}"', tools)

    def test_a_second_run_changes_nothing(self):
        first = counts()
        again = load_demo(hostname="127.0.0.1", port=8000)
        self.assertFalse(again.changed, again.created)
        self.assertEqual(counts(), first)
        self.assertIsNone(again.admin_password)
        self.assertEqual(first["agencies"], len(data.AGENCIES))
        self.assertEqual(first["categories"], len(data.CATEGORIES))
        self.assertEqual(first["files"], len(data.DOCUMENTS))
        self.assertEqual(first["sites"], 1)
        self.assertGreaterEqual(len(data.ARTICLES), 12)
        self.assertEqual(model("NewsArticle").objects.live().count(), len(data.ARTICLES))

    def test_the_portal_is_the_default_sites_root_instead_of_the_welcome_page(self):
        site = Site.objects.get(is_default_site=True)
        portal = self.result.portal
        self.assertEqual(
            (site.hostname, site.port, site.root_page_id), ("127.0.0.1", 8000, portal.pk)
        )
        base_page = model("ElectionPortal").base_page_model
        self.assertFalse(base_page.objects.filter(slug="home", depth=2).exists())
        self.assertEqual(portal.election_day.isoformat(), "2021-05-23")
        self.assertEqual(
            [p.slug for p in portal.get_children()],
            ["tin-tuc", "van-ban-chi-dao", "co-quan", "don-vi-bau-cu", "hoi-dap"],
        )

    def test_the_admin_user_gets_the_default_password_then_an_explicit_one(self):
        admin = get_user_model().objects.get(username=ADMIN_USERNAME)
        self.assertTrue(admin.is_superuser)
        self.assertTrue(admin.check_password(DEFAULT_ADMIN_PASSWORD))
        self.assertEqual(self.result.admin_password, DEFAULT_ADMIN_PASSWORD)
        again = load_demo(hostname="127.0.0.1", port=8000, admin_password="doi-mat-khau")
        self.assertEqual(dict(again.created), {"password changes": 1})
        admin.refresh_from_db()
        self.assertTrue(admin.check_password("doi-mat-khau"))

    def test_documents_have_their_real_numbers_and_dates_and_readable_pdfs(self):
        documents = {d.document_number: d for d in model("DirectiveDocument").objects.live()}
        self.assertEqual(
            {
                number: documents[number].issue_date.strftime("%d/%m/%Y")
                for number in ["34/UBBC-TCTTT", "08/KH-UBBC", "624/SVHTT-QLVH"]
            },
            {
                "34/UBBC-TCTTT": "30/03/2021",
                "08/KH-UBBC": "09/02/2021",
                "624/SVHTT-QLVH": "25/03/2021",
            },
        )
        self.assertEqual(documents["08/KH-UBBC"].document_type, "KH")
        self.assertEqual(documents["624/SVHTT-QLVH"].issuer.code, "SVHTT")
        for number, document in documents.items():
            response = self.client.get(document.file.url)
            self.assertEqual(response.status_code, 200, number)
            pdf = pypdf.PdfReader(io.BytesIO(b"".join(response.streaming_content)), strict=True)
            # The PDF's standard font has no Vietnamese letters: Đ is written D.
            self.assertIn(number.replace("Đ", "D"), pdf.pages[0].extract_text())

    def test_articles_span_agencies_their_spaces_categories_and_months(self):
        articles = list(model("NewsArticle").objects.live().select_related("agency", "lead_image"))
        self.assertGreaterEqual(len({a.agency.code for a in articles}), 5)
        in_spaces = [a for a in articles if a.url.startswith("/co-quan/")]
        self.assertGreaterEqual(len(in_spaces), 5)
        for article in in_spaces:
            self.assertEqual(article.url.split("/")[2], article.agency.slug)
        categories = [{c.slug for c in a.categories.all()} for a in articles]
        self.assertTrue(all(categories))
        self.assertEqual(len(set().union(*categories)), len(data.CATEGORIES))
        months = {a.first_published_at.astimezone(data.VN).month for a in articles}
        self.assertEqual(months, {3, 4, 5})
        for article in articles:
            with PILImage.open(article.lead_image.file) as image:
                self.assertEqual(image.size, (article.lead_image.width, article.lead_image.height))
        blocks = {block.block_type for a in articles for block in a.body}
        self.assertLessEqual({"paragraph", "quote", "table", "document", "image"}, blocks)
        self.assertGreaterEqual(sum(1 for a in articles if a.related_documents.exists()), 3)

    def test_every_demo_page_and_print_view_renders(self):
        root = Site.objects.get(is_default_site=True).root_page
        pages = [p.specific for p in root.get_descendants(inclusive=True)]
        self.assertGreaterEqual(len(pages), 1 + 3 + 7 + 4 + 12)
        for page in pages:
            with self.subTest(url=page.url):
                self.assertEqual(self.client.get(page.url).status_code, 200)
                if hasattr(page, "get_print_url"):
                    self.assertEqual(self.client.get(page.get_print_url()).status_code, 200)
        article = model("NewsArticle").objects.get(slug="tang-cuong-cung-cap-thong-tin-ve-bau-cu")
        html = self.client.get(article.url).content.decode()
        self.assertIn("Thứ Tư, 07/04/2021 10:35", html)
        self.assertIn("Ủy ban bầu cử thành phố", html)

    def test_a_document_is_found_by_part_of_its_number(self):
        document_index = model("DocumentIndex").objects.get(slug="van-ban-chi-dao")
        html = self.client.get(document_index.url, {"q": "34/UBBC"}).content.decode()
        self.assertIn("34/UBBC-TCTTT", html)
        self.assertNotIn("08/KH-UBBC", html)
        self.assertNotIn("624/SVHTT-QLVH", html)

    def test_the_portal_search_finds_articles_by_words_without_diacritics(self):
        portal = self.result.portal
        search_url = portal.url + portal.reverse_subpage("search")
        for query, title in [
            ("bau cu", "Cử tri cần biết gì khi đi bầu cử?"),
            ("dai bieu quoc hoi", "Tăng cường cung cấp thông tin về cuộc bầu cử đại biểu Quốc hội"),
            ("hiep thuong lan thu ba", "Hội nghị hiệp thương lần thứ ba"),
        ]:
            with self.subTest(query=query):
                html = self.client.get(search_url, {"q": query}).content.decode()
                self.assertIn(title, html)

"""A contributor and a moderator with the Vietnamese preference walk the admin screens they use,
doing the real work, and meet no English: every visible word is checked against the words of
Wagtail's English strings. Each screen is saved to docs/images/admin/ for the editors' guide."""

import io
import re
import zoneinfo
from pathlib import Path

import polib
import pytest
import swapper
import wagtail
from django.core import mail
from PIL import Image as PILImage
from wagtail.users.models import UserProfile

import wagtail_baucu
from tests.agencies.world import PASSWORD, build_world
from wagtail_baucu.pages.mixins import DirectiveDocumentMixin, NewsArticleMixin
from wagtail_baucu.pages.registry import page_model

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ROOT / "docs" / "images" / "admin"
WAGTAIL = Path(wagtail.__file__).resolve().parent
PACKAGE = Path(wagtail_baucu.__file__).resolve().parent
# Names, not English: they stay as they are in Vietnamese text.
ALLOWED = {"wagtail", "rss", "atom", "json", "qr", "pdf", "url"}
TOKEN = re.compile(r"[^\W\d_]+")
# Addresses, file names (the storage may add a random suffix: "ke-hoach_OR3kd7e.pdf"), time zone
# names (the account's time zone list) and keys as printed on the keyboard (the toolbar's
# shortcuts, "Ctrl + Alt + M") are not words of the interface.
KEYS = ["Ctrl", "Alt", "Shift", "Cmd"]
ZONES = sorted(
    {name for zone in zoneinfo.available_timezones() for name in (zone, zone.replace("_", " "))},
    key=len,
    reverse=True,
)
FILE_NAME = r"[\w-]+\.(?:pdf|png|jpe?g|docx?|xlsx?)\b"
NOT_TEXT = re.compile(
    r"https?://\S+|" + FILE_NAME + r"|\b(?:" + "|".join(map(re.escape, ZONES + KEYS)) + r")\b"
)


def english_words() -> set[str]:
    """Words of Wagtail's English msgids, less those that are also Vietnamese syllables written
    without marks ("do", "to", "an"): those are read in the Vietnamese catalogues."""
    english, vietnamese = set(), set()
    for path in WAGTAIL.glob("**/locale/fr/LC_MESSAGES/*.po"):
        for entry in polib.pofile(str(path)):
            text = re.sub(r"%\([^)]*\)[a-z]|\{[^}]*\}|<[^>]*>", " ", entry.msgid)
            english |= {word.lower() for word in TOKEN.findall(text)}
    catalogues = [*WAGTAIL.glob("**/locale/vi/LC_MESSAGES/*.po"), *PACKAGE.glob("**/vi/**/*.po")]
    for path in catalogues:
        for entry in polib.pofile(str(path)):
            for msgstr in [entry.msgstr, *entry.msgstr_plural.values()]:
                vietnamese |= {word.lower() for word in TOKEN.findall(msgstr)}
    return english - vietnamese - ALLOWED


ENGLISH = english_words()


def english_in(text: str) -> list[str]:
    text = NOT_TEXT.sub(" ", text)
    return sorted({word for word in TOKEN.findall(text) if word.lower() in ENGLISH})


class Walk:
    """Screens visited, in order, with the English words each shows."""

    def __init__(self, titles=()):
        self.found: dict[str, list[str]] = {}
        # Page titles are content, written by people (Wagtail's own "Root" among them).
        self.titles = sorted(titles, key=len, reverse=True)

    def screen(self, page, name: str, *, modal: bool = False, labels: str = "") -> None:
        """Read the screen's text (a modal's only, with ``modal``), and the ``aria-label``,
        ``title`` and ``placeholder`` of the elements ``labels`` selects: what a toolbar's
        tooltips and an empty field say."""
        page.wait_for_load_state("networkidle")
        scope = page.locator(".modal-content").last if modal else page.locator("body")
        text = scope.inner_text()
        if labels:
            names = "['aria-label', 'title', 'placeholder']"
            read = f"els => els.flatMap(e => {names}.map(a => e.getAttribute(a)))"
            text += "\n" + "\n".join(filter(None, page.locator(labels).evaluate_all(read)))
        for title in self.titles:
            text = text.replace(title, " ")
        # The time zone list names places in the browser's words ("Giờ Quần Đảo Line").
        options = page.locator("option").evaluate_all("os => os.map(o => [o.value, o.text])")
        for value, label in options:
            if value in zoneinfo.available_timezones():
                text = text.replace(label, " ")
        self.found[name] = english_in(text)
        page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=not modal)


def png(color: str) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), color).save(buffer, "PNG")
    return buffer.getvalue()


def log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def footer_action(page, selector: str):
    button = page.locator(f"footer {selector}").first
    if not button.is_visible():
        page.click("footer [data-w-dropdown-target=toggle]")
    return button


def write_article(page, walk, base, space, title, *, name_prefix=None) -> None:
    meta = page_model(NewsArticleMixin)._meta
    page.goto(f"{base}/admin/pages/add/{meta.app_label}/{meta.model_name}/{space.pk}/")
    page.fill("#id_title", title)
    page.fill("#id_lead", "Các đội thông tin lưu động đi khắp phường, xã.")
    page.click("#id_lead_image-chooser .unchosen [data-chooser-action-choose]")
    page.locator(".modal").get_by_text("Ảnh cổ động").first.wait_for()
    if name_prefix:
        walk.screen(page, "06-chon-anh", modal=True)
    page.locator(".modal").get_by_text("Ảnh cổ động").first.click()
    page.locator("#id_lead_image-chooser:not(.blank)").wait_for()
    page.locator(".modal").wait_for(state="hidden")
    # The body gets the uploaded plan as an attached document block.
    page.get_by_role("button", name="Chèn một khối").first.click()
    page.get_by_role("option", name="Tài liệu đính kèm").click()
    page.locator("[id^=body-][id$=-value-document-chooser] [data-chooser-action-choose]").click()
    page.locator(".modal").get_by_text("ke-hoach").first.wait_for()
    if name_prefix:
        walk.screen(page, "07-chon-tai-lieu", modal=True)
    page.locator(".modal").get_by_text("ke-hoach").first.click()
    page.locator(".modal").wait_for(state="hidden")
    page.locator(".modal-backdrop").wait_for(state="detached")
    if name_prefix:
        walk.screen(page, "07-bien-tap-tin-bai")


@pytest.fixture
def walk(live_server, site_tree):
    SCREENS.mkdir(parents=True, exist_ok=True)
    world = build_world(site_tree)
    for user in world.users.values():
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "vi"})
    titles = swapper.load_model("wagtailcore", "Page").objects.values_list("title", flat=True)
    return world, live_server.url, Walk(titles)


def test_contributor_and_moderator_meet_no_english(walk, new_page):
    world, base, screens = walk
    space = world.space("SVHTT")

    contributor = new_page()
    contributor.goto(f"{base}/admin/login/")
    screens.screen(contributor, "01-dang-nhap")
    contributor.goto(f"{base}/admin/password_reset/")
    screens.screen(contributor, "02-quen-mat-khau")
    log_in(contributor, base, "svhtt.lan")
    screens.screen(contributor, "03-trang-tong-quan")

    # Upload an image and a document into the agency's collection.
    contributor.goto(f"{base}/admin/images/multiple/add/")
    contributor.set_input_files(
        "#fileupload", {"name": "co-dong.png", "mimeType": "image/png", "buffer": png("red")}
    )
    contributor.locator("#upload-list li.upload-success").first.wait_for()
    contributor.locator("#upload-list li input[name$=title]").first.fill("Ảnh cổ động")
    screens.screen(contributor, "04-tai-len-anh")
    contributor.locator("#upload-list li form button[type=submit]").first.click()
    contributor.goto(f"{base}/admin/documents/multiple/add/")
    contributor.set_input_files(
        "#fileupload",
        {"name": "ke-hoach.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"},
    )
    contributor.locator("#upload-list li.upload-success").first.wait_for()
    screens.screen(contributor, "05-tai-len-tai-lieu")

    contributor.goto(f"{base}/admin/pages/{space.pk}/")
    screens.screen(contributor, "05b-danh-sach-trang")

    title = "Sở Văn hóa và Thể thao ra quân cổ động bầu cử"
    write_article(contributor, screens, base, space, title, name_prefix=True)
    footer_action(contributor, "button[name=action-submit]").click()
    contributor.wait_for_url(lambda url: "/add/" not in url)
    screens.screen(contributor, "08-da-gui-duyet")
    rejected_title = "Sở Văn hóa và Thể thao mở hội thi tuyên truyền"
    write_article(contributor, screens, base, space, rejected_title)
    footer_action(contributor, "button[name=action-submit]").click()
    contributor.wait_for_url(lambda url: "/add/" not in url)

    contributor.goto(f"{base}/admin/account/")
    screens.screen(contributor, "09-tai-khoan")
    contributor.goto(f"{base}/admin/pages/search/?q=cổ+động")
    screens.screen(contributor, "10-tim-kiem")
    contributor.goto(f"{base}/admin/images/")
    screens.screen(contributor, "11-thu-vien-anh")
    contributor.goto(f"{base}/admin/documents/")
    screens.screen(contributor, "12-thu-vien-tai-lieu")

    article = page_model(NewsArticleMixin).objects.get(title=title)
    rejected = page_model(NewsArticleMixin).objects.get(title=rejected_title)
    assert article.workflow_in_progress and rejected.workflow_in_progress
    blocks = article.get_latest_revision_as_object().body
    assert [block.block_type for block in blocks] == ["document"]
    assert blocks[0].value["document"].title == "ke-hoach"

    moderator = new_page()
    log_in(moderator, base, "bbt.thu")
    screens.screen(moderator, "13-ban-bien-tap-tong-quan")
    moderator.goto(f"{base}/admin/pages/{article.pk}/edit/")
    screens.screen(moderator, "14-duyet-tin-bai")
    footer_action(
        moderator,
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])",
    ).click()
    moderator.wait_for_load_state("networkidle")
    article.refresh_from_db()
    assert article.live

    moderator.goto(f"{base}/admin/pages/{rejected.pk}/edit/")
    footer_action(moderator, "button[data-workflow-action-name=reject]").click()
    moderator.locator(".modal textarea").wait_for()
    moderator.locator(".modal textarea").fill("Cần ghi rõ thời gian và địa điểm hội thi.")
    screens.screen(moderator, "15-tu-choi-kem-nhan-xet", modal=True)
    with moderator.expect_navigation():
        moderator.locator(".modal [type=submit]").click()
    rejected.refresh_from_db()
    assert rejected.current_workflow_state.status == "needs_changes"

    moderator.goto(f"{base}/admin/pages/{rejected.pk}/history/")
    screens.screen(moderator, "16-lich-su")
    moderator.goto(f"{base}/admin/pages/{rejected.pk}/workflow_history/")
    screens.screen(moderator, "17-lich-su-quy-trinh")
    moderator.goto(f"{base}/admin/reports/workflow/")
    screens.screen(moderator, "18-bao-cao-quy-trinh")

    for message in mail.outbox:
        screens.found[f"thư: {message.subject}"] = english_in(f"{message.subject}\n{message.body}")
    assert mail.outbox

    english = {name: words for name, words in screens.found.items() if words}
    assert english == {}, "English left:\n" + "\n".join(
        f"{k}: {', '.join(v)}" for k, v in english.items()
    )


def no_english(screens: Walk) -> None:
    english = {name: words for name, words in screens.found.items() if words}
    assert english == {}, "English left:\n" + "\n".join(
        f"{k}: {', '.join(v)}" for k, v in english.items()
    )


def test_password_reset_and_its_email_meet_no_english(walk, new_page):
    world, base, screens = walk
    user = world.users["svhtt.lan"]
    contributor = new_page()
    contributor.goto(f"{base}/admin/password_reset/")
    contributor.fill("#id_email", user.email)
    with contributor.expect_navigation():
        contributor.click("main button[type=submit]")
    screens.screen(contributor, "19-da-gui-thu-dat-lai-mat-khau")

    (message,) = mail.outbox
    assert message.to == [user.email]
    screens.found[f"thư: {message.subject}"] = english_in(f"{message.subject}\n{message.body}")
    link = re.search(r"https?://[^/\s]+(/admin/password_reset/confirm/\S+)", message.body)
    contributor.goto(base + link.group(1))
    screens.screen(contributor, "20-dat-mat-khau-moi")
    new_password = "mat-khau-moi-2026"
    contributor.fill("#id_new_password1", new_password)
    contributor.fill("#id_new_password2", new_password)
    with contributor.expect_navigation():
        contributor.click("main button[type=submit]")
    screens.screen(contributor, "21-da-dat-mat-khau-moi")
    user.refresh_from_db()
    assert user.check_password(new_password)
    no_english(screens)


def walk_the_link_chooser(page, screens: Walk, toolbar) -> None:
    toolbar.locator("button[name=LINK]").click()
    modal = page.locator(".modal")
    modal.get_by_role("link", name="Liên kết ngoài").wait_for()
    screens.screen(page, "24-chon-lien-ket", modal=True)
    for kind, name in [
        ("Đường dẫn email", "24b-lien-ket-email"),
        ("Liên kết điện thoại", "24c-lien-ket-dien-thoai"),
        ("Liên kết neo", "24d-lien-ket-neo"),
        ("Liên kết ngoài", "24e-lien-ket-ngoai"),
    ]:
        modal.get_by_role("link", name=kind).click()
        modal.locator("form").first.wait_for()
        screens.screen(page, name, modal=True)
    page.fill("#id_external-link-chooser-url", "https://ubbc.example.org/lich")
    modal.locator("[type=submit]").first.click()
    modal.wait_for(state="hidden")


def test_rich_text_links_comments_and_previews_meet_no_english(walk, new_page):
    world, base, screens = walk
    space = world.space("SVHTT")
    contributor = new_page()
    log_in(contributor, base, "svhtt.lan")
    meta = page_model(NewsArticleMixin)._meta
    contributor.goto(f"{base}/admin/pages/add/{meta.app_label}/{meta.model_name}/{space.pk}/")
    contributor.fill("#id_title", "Lịch tiếp xúc cử tri")
    contributor.fill("#id_lead", "Lịch các buổi tiếp xúc cử tri của người ứng cử.")
    contributor.get_by_role("button", name="Chèn một khối").first.click()
    contributor.get_by_role("option", name="Đoạn văn").first.click()
    contributor.locator(".Draftail-Editor [contenteditable=true]").first.click()

    # The rich text's block picker ("/"), then its inline toolbar over selected words.
    contributor.keyboard.type("/")
    contributor.get_by_role("option", name="Tiêu đề 2").first.wait_for()
    screens.screen(contributor, "22-chen-khoi-van-ban")
    contributor.keyboard.press("Escape")
    contributor.keyboard.press("Backspace")
    contributor.keyboard.type("Xem lịch tại trang của Ủy ban bầu cử")
    contributor.keyboard.press("Shift+Home")
    toolbar = contributor.locator(".Draftail-FloatingToolbar")
    toolbar.locator("button[name=LINK]").wait_for()
    screens.screen(
        contributor, "23-thanh-cong-cu-van-ban", labels=".Draftail-FloatingToolbar button"
    )

    # The link chooser, each of its kinds of link; the link made is an external one. Wagtail's
    # rich text asks its page chooser for "wagtailcore.page", a 404 when a custom base page
    # swaps that model out (Wagtail's bug, not the package's): walked with Wagtail's Page only.
    if not swapper.is_swapped("wagtailcore", "Page"):
        walk_the_link_chooser(contributor, screens, toolbar)
    contributor.locator("footer button.action-save").first.click()
    contributor.wait_for_url(lambda url: "/add/" not in url)

    # A comment on the title, saved with the page, answered, then resolved.
    contributor.locator("button[data-side-panel-toggle=comments]").click()
    contributor.locator("[data-comment-add]").first.click()
    contributor.locator(".comment textarea").first.fill("Cần ghi rõ địa điểm từng buổi.")
    screens.screen(contributor, "25-binh-luan")
    contributor.locator(".comment").get_by_role("button", name="Bình luận", exact=True).click()
    contributor.locator("footer button.action-save").first.click()
    contributor.wait_for_load_state("networkidle")
    article = page_model(NewsArticleMixin).objects.get(title="Lịch tiếp xúc cử tri")
    assert article.wagtail_admin_comments.count() == 1
    comment = contributor.locator("li.comment").first
    comment.click()
    comment.locator("textarea").fill("Đã ghi địa điểm của từng buổi.")
    screens.screen(contributor, "26-tra-loi-binh-luan", labels="li.comment textarea")
    comment.get_by_role("button", name="Trả lời", exact=True).click()
    contributor.locator("footer button.action-save").first.click()
    contributor.wait_for_load_state("networkidle")
    comment = contributor.locator("li.comment").first
    comment.locator(".comment-header summary").first.click()
    screens.screen(contributor, "27-thao-tac-binh-luan")
    comment.get_by_role("menuitem", name="Đã giải quyết").click()
    contributor.locator("footer button.action-save").first.click()
    contributor.wait_for_load_state("networkidle")
    (saved,) = article.wagtail_admin_comments.all()
    assert saved.replies.count() == 1
    assert saved.resolved_at is not None

    # The preview panel, and the preview in a new tab: the page as readers will see it.
    contributor.locator("button[data-side-panel-toggle=preview]").click()
    frame = contributor.frame_locator("#w-preview-iframe")
    frame.get_by_text("Lịch các buổi tiếp xúc cử tri").first.wait_for()
    screens.screen(contributor, "28-xem-truoc")
    screens.found["28-xem-truoc: trang"] = english_in(frame.locator("body").inner_text())
    with contributor.expect_popup() as popup:
        contributor.locator("a[data-w-preview-target=newTab]").click()
    tab = popup.value
    tab.get_by_text("Lịch các buổi tiếp xúc cử tri").first.wait_for()
    screens.screen(tab, "29-xem-truoc-the-moi")
    tab.close()
    # Leave the editor before the test ends: it ends its editing session as it goes, which
    # must not reach the server while the test database is being emptied.
    contributor.goto(f"{base}/admin/")
    contributor.wait_for_load_state("networkidle")
    no_english(screens)


def test_validation_messages_of_the_page_editor_meet_no_english(walk, new_page):
    """An article saved without its lead and with an empty quote block, then a directive
    document with a reference number that does not follow Nghị định 30/2020/NĐ-CP: the error
    banner and every field's message in Vietnamese, and what was typed still there."""
    world, base, screens = walk
    space = world.space("SVHTT")
    contributor = new_page()
    log_in(contributor, base, "svhtt.lan")
    meta = page_model(NewsArticleMixin)._meta
    contributor.goto(f"{base}/admin/pages/add/{meta.app_label}/{meta.model_name}/{space.pk}/")
    title = "Lịch tuyên truyền lưu động"
    contributor.fill("#id_title", title)
    contributor.get_by_role("button", name="Chèn một khối").first.click()
    contributor.get_by_role("option", name="Trích dẫn").first.click()
    attribution = "Ủy ban bầu cử phường"
    contributor.locator("[id^=body-][id$=-value-attribution]").fill(attribution)
    footer_action(contributor, "button[name=action-submit]").click()
    screens.screen(contributor, "30-loi-tin-bai")
    banner = contributor.locator(".messages .error").first
    assert "Không tạo được trang" in banner.inner_text(), banner.inner_text()
    # The lead's message, and the quote block's: its text is required.
    errors = contributor.locator("[data-field-errors], .help-critical, .error-message")
    assert errors.count() >= 2, errors.all_inner_texts()
    assert contributor.locator("#id_title").input_value() == title
    assert contributor.locator("[id^=body-][id$=-value-attribution]").input_value() == attribution

    document = page_model(DirectiveDocumentMixin)._meta
    contributor.goto(
        f"{base}/admin/pages/add/{document.app_label}/{document.model_name}/{space.pk}/"
    )
    contributor.fill("#id_title", "Kế hoạch tuyên truyền bầu cử")
    contributor.fill("#id_document_number", "so 34 UBBC")
    summary = "Kế hoạch tuyên truyền cuộc bầu cử đại biểu Quốc hội và HĐND các cấp."
    contributor.fill("#id_summary", summary)
    footer_action(contributor, "button[name=action-submit]").click()
    screens.screen(contributor, "31-loi-van-ban-chi-dao")
    assert "Không tạo được trang" in contributor.locator(".messages .error").first.inner_text()
    field = contributor.locator("[data-field-errors]").filter(has_text="34/UBBC-TCTTT")
    assert field.count() == 1, contributor.locator("[data-field-errors]").all_inner_texts()
    assert contributor.locator("#id_document_number").input_value() == "so 34 UBBC"
    assert contributor.locator("#id_summary").input_value() == summary
    assert not page_model(DirectiveDocumentMixin).objects.filter(title__startswith="Kế hoạch")
    no_english(screens)


def test_comment_notification_emails_meet_no_english(walk, new_page):
    """A moderator comments on a contributor's article, the contributor replies: Wagtail mails
    each of them, in their own (Vietnamese) language."""
    world, base, screens = walk
    space = world.space("SVHTT")
    contributor = new_page()
    log_in(contributor, base, "svhtt.lan")
    title = "Lịch tiếp xúc cử tri tại phường"
    meta = page_model(NewsArticleMixin)._meta
    contributor.goto(f"{base}/admin/pages/add/{meta.app_label}/{meta.model_name}/{space.pk}/")
    contributor.fill("#id_title", title)
    contributor.fill("#id_lead", "Lịch các buổi tiếp xúc cử tri của người ứng cử.")
    contributor.locator("footer button.action-save").first.click()
    contributor.wait_for_url(lambda url: "/add/" not in url)
    article = page_model(NewsArticleMixin).objects.get(title=title)

    moderator = new_page()
    log_in(moderator, base, "bbt.thu")
    moderator.goto(f"{base}/admin/pages/{article.pk}/edit/")
    moderator.locator("button[data-side-panel-toggle=comments]").click()
    moderator.locator("[data-comment-add]").first.click()
    moderator.locator(".comment textarea").first.fill("Cần ghi rõ địa điểm từng buổi.")
    moderator.locator(".comment").get_by_role("button", name="Bình luận", exact=True).click()
    moderator.locator("footer button.action-save").first.click()
    moderator.wait_for_load_state("networkidle")
    assert article.wagtail_admin_comments.count() == 1

    contributor.goto(f"{base}/admin/pages/{article.pk}/edit/")
    contributor.locator("button[data-side-panel-toggle=comments]").click()
    comment = contributor.locator("li.comment").first
    comment.click()
    comment.locator("textarea").fill("Đã ghi địa điểm của từng buổi.")
    comment.get_by_role("button", name="Trả lời", exact=True).click()
    contributor.locator("footer button.action-save").first.click()
    contributor.wait_for_load_state("networkidle")
    assert article.wagtail_admin_comments.get().replies.count() == 1

    lan, thu = world.users["svhtt.lan"], world.users["bbt.thu"]
    received = {tuple(message.to): message for message in mail.outbox}
    assert set(received) == {(lan.email,), (thu.email,)}, [m.to for m in mail.outbox]
    for message in received.values():
        assert title in message.subject
        screens.found[f"thư: {message.subject}"] = english_in(f"{message.subject}\n{message.body}")
    for page in (contributor, moderator):
        page.goto(f"{base}/admin/")
        page.wait_for_load_state("networkidle")
    no_english(screens)

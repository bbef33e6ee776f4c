"""One portal holding a page pair (an article and a directive) in every visibility state.

Each state's pages carry a marker word of their own (``zq03mark``) in the title, lead or summary
and body, and their own image and file, so a surface shows a state's text only if that marker is
in it. The states are reached with Wagtail's own actions, as an editor's clicks reach them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests import factories
from tests.questions.world import make_answer, make_question_index

STATES = [
    "public",
    "live with a newer draft",
    "draft",
    "in moderation",
    "rejected",
    "private by password",
    "private by login",
    "private by group",
    "under a private parent",
    "alias of a private page",
    "alias of an unpublished page",
    "scheduled",
    "expired",
    "unpublished",
    "deleted",
    "moved under a private parent",
    "copied",
]


@dataclass
class Shown:
    """A page of the scene as a visitor would reach it, read before any delete."""

    pk: int
    kind: str  # "article", "directive" or "question"
    path: str
    full_url: str
    marker: str


@dataclass
class StateScene:
    state: str
    marker: str
    hidden: list[Shown] = field(default_factory=list)
    # Pages of the state that stay public (a live page with a newer draft, a copy's original).
    visible: list[Shown] = field(default_factory=list)
    images: list = field(default_factory=list)
    files: list = field(default_factory=list)
    # Text of the state that never showed (a newer draft's), besides the hidden pages' marker.
    draft_markers: list[str] = field(default_factory=list)

    @property
    def absent_markers(self) -> list[str]:
        return ([self.marker] if self.hidden else []) + self.draft_markers


@dataclass
class Scene:
    tree: factories.Portal
    reader: object
    states: dict[str, StateScene]


def marker_of(state: str) -> str:
    # Fixed length, so no marker is the beginning of another one (search matches substrings).
    return f"zq{STATES.index(state):02d}mark"


def seen(page, kind: str, marker: str) -> Shown:
    page = page.specific
    return Shown(page.pk, kind, page.get_url_parts()[2], page.get_full_url(), marker)


def build_scene(agencies) -> Scene:
    from wagtail.models import Site

    Site.objects.all().delete()
    tree = factories.make_portal()
    category = factories.make_category("Tuyên truyền")
    agency = agencies["UBBC"]
    tree.agency_page(agency)
    private_space = tree.agency_page(factories.make_agency("BIMAT", "Cơ quan không công khai"))
    factories.restrict(private_space, PageViewRestriction.LOGIN)
    editor = factories.make_user("bien-tap-vien", is_superuser=True)
    reader = tree.article("Tin đọc thử về bầu cử", agency=agency, categories=[category])
    questions = make_question_index(tree.portal)
    scene = Scene(tree=tree, reader=reader, states={})

    for state in STATES:
        marker = marker_of(state)
        number = f"{STATES.index(state) + 1:02d}/KH-ZQ"
        # A copy uses its original's image and file: they carry the original's text.
        asset_marker = marker.replace("mark", "goc") if state == "copied" else marker
        image = factories.make_image(f"Ảnh {asset_marker}")
        document_file = factories.make_file(f"Tệp {asset_marker}")
        under = private_space if state == "under a private parent" else None

        def article(title=f"Tin {marker}", live=True, under=under, image=image):
            page = factories.model("NewsArticle")(
                title=title,
                agency=agency,
                live=False,
                lead=f"Mở đầu {title}.",
                body=[("paragraph", f"<p>Nội dung {title}.</p>")],
                lead_image=image,
            )
            (under or tree.news_index).add_child(instance=page)
            page.categories.set([category])
            page.save()
            return factories.publish(page) if live else _draft(page)

        def directive(
            title=f"Văn bản {marker}", live=True, under=under, number=number, file=document_file
        ):
            page = factories.model("DirectiveDocument")(
                title=title,
                document_number=number,
                issuer=agency,
                agency=agency,
                summary=f"Trích yếu {title}.",
                issue_date=date(2021, 3, 30),
                file=file,
                live=False,
            )
            (under or tree.document_index).add_child(instance=page)
            return factories.publish(page) if live else _draft(page)

        def question(title=f"Hỏi {marker}", live=True, under=under):
            page = make_answer(
                under or questions,
                title,
                question=f"Câu hỏi {title}?",
                answer=f"<p>Trả lời {title}.</p>",
                topic="Cử tri",
                live=False,
            )
            return factories.publish(page) if live else _draft(page)

        item = StateScene(state, marker, images=[image], files=[document_file])
        scene.states[state] = item
        transition = TRANSITIONS[state]
        for kind, make in (("article", article), ("directive", directive), ("question", question)):
            transition(item, kind, make, editor=editor, tree=tree, space=private_space)
    # Nothing is due: the scheduled pages stay drafts, as they must until their time.
    call_command("publish_scheduled")
    return scene


def _draft(page):
    page.save_revision()
    return page


def _public(item, kind, make, **context):
    item.visible.append(seen(make(), kind, item.marker))


def _newer_draft(item, kind, make, **context):
    page = make()
    item.visible.append(seen(page, kind, item.marker))
    draft_marker = item.marker.replace("mark", "nhap")
    page.title = f"{page.title} {draft_marker}"
    if kind == "article":
        page.lead = f"Mở đầu {draft_marker}."
    elif kind == "directive":
        page.summary = f"Trích yếu {draft_marker}."
    else:
        page.answer = f"<p>Trả lời {draft_marker}.</p>"
    page.save_revision(user=context["editor"])
    item.draft_markers.append(draft_marker)


def _draft_state(item, kind, make, **context):
    item.hidden.append(seen(make(live=False), kind, item.marker))


def _in_moderation(item, kind, make, editor, **context):
    page = make(live=False)
    page.get_workflow().start(page, editor)
    item.hidden.append(seen(page, kind, item.marker))


def _rejected(item, kind, make, editor, **context):
    page = make(live=False)
    page.get_workflow().start(page, editor)
    page.refresh_from_db()
    page.current_workflow_task.on_action(
        page.current_workflow_task_state, editor, "reject", comment="Sửa lại."
    )
    item.hidden.append(seen(page, kind, item.marker))


def _restricted(restriction_type):
    def transition(item, kind, make, **context):
        page = make()
        restriction = factories.restrict(page, restriction_type)
        if restriction_type == PageViewRestriction.GROUPS:
            restriction.groups.add(Group.objects.get_or_create(name="Ban biên tập")[0])
        item.hidden.append(seen(page, kind, item.marker))

    return transition


def _under_private_parent(item, kind, make, **context):
    item.hidden.append(seen(make(), kind, item.marker))


def _alias(then):
    def transition(item, kind, make, **context):
        source = make()
        alias = source.create_alias(update_slug=f"{source.slug}-ban-sao")
        then(source)
        item.hidden += [seen(source, kind, item.marker), seen(alias, kind, item.marker)]

    return transition


def _scheduled(item, kind, make, **context):
    page = factories.schedule(make(live=False), timezone.now() + timedelta(days=1))
    item.hidden.append(seen(page, kind, item.marker))


def _expired(item, kind, make, **context):
    page = factories.expire(make(), timezone.now() - timedelta(minutes=1))
    item.hidden.append(seen(page, kind, item.marker))


def _unpublished(item, kind, make, **context):
    page = make()
    page.unpublish()
    item.hidden.append(seen(page, kind, item.marker))


def _deleted(item, kind, make, **context):
    page = make()
    item.hidden.append(seen(page, kind, item.marker))
    page.delete()


def _moved(item, kind, make, space, **context):
    page = make()
    page.move(space, pos="last-child")
    page.refresh_from_db()
    item.hidden.append(seen(page, kind, item.marker))


def _copied(item, kind, make, **context):
    original_marker = item.marker.replace("mark", "goc")
    title = {"article": "Tin", "directive": "Văn bản", "question": "Hỏi"}[kind]
    original = make(title=f"{title} {original_marker}")
    copy = original.copy(
        update_attrs={"title": f"{title} {item.marker}", "slug": f"{original.slug}-sao-chep"},
        keep_live=False,
    )
    item.visible.append(seen(original, kind, original_marker))
    item.hidden.append(seen(copy, kind, item.marker))


TRANSITIONS = {
    "public": _public,
    "live with a newer draft": _newer_draft,
    "draft": _draft_state,
    "in moderation": _in_moderation,
    "rejected": _rejected,
    "private by password": _restricted(PageViewRestriction.PASSWORD),
    "private by login": _restricted(PageViewRestriction.LOGIN),
    "private by group": _restricted(PageViewRestriction.GROUPS),
    "under a private parent": _under_private_parent,
    "alias of a private page": _alias(
        lambda source: factories.restrict(source, PageViewRestriction.PASSWORD)
    ),
    "alias of an unpublished page": _alias(lambda source: source.unpublish()),
    "scheduled": _scheduled,
    "expired": _expired,
    "unpublished": _unpublished,
    "deleted": _deleted,
    "moved under a private parent": _moved,
    "copied": _copied,
}

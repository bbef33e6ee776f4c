"""Admin and serving hooks of the core app."""

from django.http import Http404
from django.utils import timezone
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from wagtail_baucu.agencies import wagtail_hooks as agency_hooks  # noqa: F401 (onboarding view)
from wagtail_baucu.agencies.models import Agency, Category
from wagtail_baucu.files import may_download
from wagtail_baucu.language import speak_content_language
from wagtail_baucu.pages.mixins import BaucuPageMixin
from wagtail_baucu.portals import wagtail_hooks as portal_hooks  # noqa: F401 (creation view)
from wagtail_baucu.public import alias_withheld


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "code", "kind", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "code"]


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "slug"]


register_snippet(AgencyViewSet)
register_snippet(CategoryViewSet)


@hooks.register("before_serve_page")
def speak_the_page_language(page, request, serve_args, serve_kwargs):
    # The page, its print view and its routes render in the language of the page's locale.
    speak_content_language(page, request)


@hooks.register("before_serve_page")
def hide_pages_not_public(page, request, serve_args, serve_kwargs):
    # A page past its expiry time is hidden at once, not when publish_scheduled next runs.
    if isinstance(page, BaucuPageMixin) and page.expire_at and page.expire_at <= timezone.now():
        raise Http404
    # An alias shows its source's content: hidden while the source is not public where it is.
    if isinstance(page, BaucuPageMixin) and alias_withheld(page, request):
        raise Http404


@hooks.register("before_serve_document")
def serve_only_used_documents(document, request):
    """A file is downloaded by anonymous visitors only while a public page uses it; the
    editors who may change or choose it always get it. Otherwise: not found."""
    if may_download(request.user, document, "document"):
        return None
    raise Http404

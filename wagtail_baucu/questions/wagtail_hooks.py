"""Admin screens: the questions voters sent, with their status, and the "answer" action."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from wagtail_baucu.questions import views
from wagtail_baucu.questions.models import SubmittedQuestion


class AnswerColumn(Column):
    def get_value(self, instance):
        url = reverse("baucu_questions_answer", args=[instance.pk])
        label = _("Open the answer") if instance.answer_page_id else _("Answer")
        return format_html('<a class="button button-small" href="{}">{}</a>', url, label)


class FromTheFormOnly(ModelPermissionPolicy):
    """Questions come from voters through the form: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(SubmittedQuestion, FromTheFormOnly(SubmittedQuestion))


class SubmittedQuestionViewSet(SnippetViewSet):
    model = SubmittedQuestion
    icon = "help"
    menu_label = _("Questions from voters")
    menu_order = 330
    add_to_admin_menu = True
    list_display = [
        "__str__",
        "commune",
        "status",
        "submitted_at",
        AnswerColumn("answer", label=_("Answer")),
    ]
    list_filter = ["status", "portal"]
    ordering = ["-submitted_at"]


register_snippet(SubmittedQuestionViewSet)


@hooks.register("register_admin_urls")
def question_admin_urls():
    return [
        path(
            "cau-hoi-cu-tri/<int:pk>/tra-loi/",
            views.answer_question,
            name="baucu_questions_answer",
        )
    ]

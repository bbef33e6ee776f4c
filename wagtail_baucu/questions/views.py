"""Admin view: "answer" a submitted question, i.e. open a draft answer page for it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail_baucu.questions.answering import NoQuestionIndex, question_index_of, start_answer
from wagtail_baucu.questions.models import SubmittedQuestion


def answer_question(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: what will happen; POST: the draft answer page is created (once) and opened."""
    question = get_object_or_404(SubmittedQuestion, pk=pk)
    if question.answer_page_id is not None:
        return redirect("wagtailadmin_pages:edit", question.answer_page_id)
    index = question_index_of(question.portal)
    if index is not None and not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    if request.method == "POST":
        try:
            page = start_answer(question, request.user)
        except NoQuestionIndex:
            messages.error(request, _("The portal has no questions and answers index yet."))
            return redirect(reverse("wagtailsnippets_baucu_questions_submittedquestion:list"))
        messages.success(
            request,
            _("A draft answer was created. Write the answer, then submit it for moderation."),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "wagtail_baucu/questions/admin/answer.html",
        {"question": question, "index": index, "header_title": _("Answer the question")},
    )

"""What happens to a question sent through the form, apart from HTTP: checked, limited, stored.

The view is a few lines over ``submit``; tests call it through HTTP as voters do.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from wagtail_baucu.questions.forms import AskQuestionForm
from wagtail_baucu.questions.models import SubmittedQuestion
from wagtail_baucu.questions.ratelimit import allow, sender_of

ACCEPTED = "accepted"
INVALID = "invalid"
LIMITED = "limited"


@dataclass
class Outcome:
    result: str
    form: AskQuestionForm
    question: SubmittedQuestion | None = None


def submit(request: HttpRequest, portal) -> Outcome:
    """Handle a POST of the form for ``portal``.

    A filled honeypot is answered as if accepted and stores nothing; beyond the rate limit the
    form comes back with what was typed; an invalid form too. Nothing stored is ever public.
    """
    form = AskQuestionForm(request.POST)
    sender = sender_of(request)
    if not allow(sender):
        return Outcome(LIMITED, form)
    if form.is_robot:
        return Outcome(ACCEPTED, AskQuestionForm())
    if not form.is_valid():
        return Outcome(INVALID, form)
    data = form.cleaned_data
    question = SubmittedQuestion.objects.create(
        portal_id=portal.pk,
        question=data["question"],
        name=data["name"],
        commune=data["commune"],
        email=data["email"],
        show_name=data["show_name"],
        sender=sender,
    )
    return Outcome(ACCEPTED, AskQuestionForm(), question)

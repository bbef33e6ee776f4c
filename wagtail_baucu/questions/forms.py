"""The public form to ask a question: bounded fields, a honeypot, markup kept as plain text."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail_baucu.questions.models import (
    COMMUNE_MAX_LENGTH,
    NAME_MAX_LENGTH,
    QUESTION_MAX_LENGTH,
)

# Control characters other than tab and newlines (PostgreSQL refuses NUL in text).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
HONEYPOT = "website"


def _clean_text(value: str) -> str:
    return _CONTROL.sub("", value or "").strip()


class AskQuestionForm(forms.Form):
    """What a voter types. Markup is not interpreted: it is stored and shown as text."""

    question = forms.CharField(
        label=_("Your question"),
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Please write your question.")},
    )
    name = forms.CharField(
        label=pgettext_lazy("person", "Your name"), max_length=NAME_MAX_LENGTH, required=False
    )
    commune = forms.CharField(
        label=_("Commune or ward"), max_length=COMMUNE_MAX_LENGTH, required=False
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("Only to tell you when the answer is published; never shown."),
    )
    show_name = forms.BooleanField(
        label=_("I agree that my name and commune are shown with the answer."), required=False
    )
    # Hidden from people (CSS and aria-hidden); robots filling every field fill it too.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            # Control characters pasted along with text are dropped, not refused.
            data = data.copy()
            for name in ("question", "name", "commune", "email"):
                if name in data:
                    data[name] = _CONTROL.sub("", data[name])
        super().__init__(data, *args, **kwargs)

    def clean_question(self) -> str:
        text = _clean_text(self.cleaned_data["question"])
        if not text:
            raise forms.ValidationError(_("Please write your question."))
        return text

    def clean_name(self) -> str:
        return _clean_text(self.cleaned_data["name"])

    def clean_commune(self) -> str:
        return _clean_text(self.cleaned_data["commune"])

    @property
    def is_robot(self) -> bool:
        """The honeypot was filled in."""
        return bool((self.data.get(HONEYPOT) or "").strip())

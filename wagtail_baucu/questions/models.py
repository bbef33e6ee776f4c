"""A question sent through the public form: kept for moderators, never public by itself.

Its answer is a Q&A page (``QuestionPageMixin``) created as a draft from it, which goes through
the portal's moderation like every page.
"""

from __future__ import annotations

import swapper
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

# Bounds of what the form accepts (the database holds them as they are).
QUESTION_MAX_LENGTH = 2000
NAME_MAX_LENGTH = 120
COMMUNE_MAX_LENGTH = 120


class QuestionStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("question", "New")
    ANSWERING = "answering", _("Answer being written")
    ANSWERED = "answered", _("Answered")
    DISMISSED = "dismissed", _("Dismissed")


class SubmittedQuestion(models.Model):
    """A voter's question as typed in the form, with what they chose to give of themselves."""

    portal = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        verbose_name=_("election portal"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    question = models.TextField(_("question"))
    name = models.CharField(pgettext_lazy("person", "name"), max_length=NAME_MAX_LENGTH, blank=True)
    commune = models.CharField(_("commune or ward"), max_length=COMMUNE_MAX_LENGTH, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    show_name = models.BooleanField(
        _("agreed to show the name"),
        default=False,
        help_text=_("Only then may the answer page show the asker's name and commune."),
    )
    status = models.CharField(
        pgettext_lazy("question", "status"),
        max_length=20,
        choices=QuestionStatus.choices,
        default=QuestionStatus.NEW,
    )
    note = models.TextField(_("moderators' note"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    answer_page = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        verbose_name=_("answer page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notified_at = models.DateTimeField(_("asker told at"), null=True, blank=True, editable=False)
    # A keyed hash of the sender's address (never the address): the rate limit's record
    # while the cache is unreachable.
    sender = models.CharField(max_length=64, blank=True, editable=False, db_index=True)

    panels = [
        FieldPanel("question", read_only=True),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("name", read_only=True), FieldPanel("commune", read_only=True)]
                ),
                FieldRowPanel(
                    [FieldPanel("email", read_only=True), FieldPanel("show_name", read_only=True)]
                ),
            ],
            heading=_("Asker"),
        ),
        FieldRowPanel([FieldPanel("status"), FieldPanel("answer_page", read_only=True)]),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("question from a voter")
        verbose_name_plural = _("questions from voters")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        text = " ".join(self.question.split())
        return text if len(text) <= 80 else text[:79] + "…"

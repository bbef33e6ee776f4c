"""The minutes of each electoral unit's result, moderated and published with a public history.

A result names its unit by body and unit number, as a polling area does, so it needs no
foreign key to a concrete page type and works the same with a custom base page. Drafts,
revisions, locking and the moderation workflow are Wagtail's (the one who enters submits, a
moderator publishes); every publication adds a ``ResultPublication``, the public history of
what changed, when, and by decision of whom.
"""

from __future__ import annotations

import swapper
from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)

from wagtail_baucu.elections.models import Body
from wagtail_baucu.results.rules import Minutes, Outcome, Round, Votes, decide


class ResultRound(models.TextChoices):
    FIRST = Round.FIRST.value, _("First round")
    FURTHER = Round.FURTHER.value, _("Further round (bầu cử thêm)")
    REPEAT = Round.REPEAT.value, _("Repeat election (bầu cử lại)")


# The figures of the minutes, in the order of the form and of the history.
FIGURES = ("voters_on_list", "voters_who_voted", "valid_ballots", "invalid_ballots")


class UnitResult(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """The minutes of one electoral unit (biên bản xác định kết quả bầu cử) in one round."""

    body = models.ForeignKey(
        Body, verbose_name=_("elected body"), on_delete=models.PROTECT, related_name="results"
    )
    unit_number = models.PositiveSmallIntegerField(_("unit number"))
    round = models.CharField(
        _("round"), max_length=10, choices=ResultRound.choices, default=ResultRound.FIRST
    )
    voters_on_list = models.PositiveIntegerField(_("voters on the list"))
    voters_who_voted = models.PositiveIntegerField(_("voters who voted"))
    valid_ballots = models.PositiveIntegerField(_("valid ballots"))
    invalid_ballots = models.PositiveIntegerField(_("invalid ballots"))
    decided_by = models.CharField(
        _("decided by"),
        max_length=255,
        help_text=_("The board or committee whose minutes or decision this is."),
    )
    decision_reference = models.CharField(
        _("decision reference"),
        max_length=255,
        help_text=_(
            "The minutes or decision, with its number and date; a new one for a correction."
        ),
    )
    correction_note = models.TextField(
        _("what was corrected and why"),
        blank=True,
        help_text=_("Shown in the public history; leave empty for the first publication."),
    )

    panels = [
        FieldRowPanel([FieldPanel("body"), FieldPanel("unit_number"), FieldPanel("round")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("voters_on_list"), FieldPanel("voters_who_voted")]),
                FieldRowPanel([FieldPanel("valid_ballots"), FieldPanel("invalid_ballots")]),
            ],
            heading=_("Minutes"),
        ),
        InlinePanel("votes", heading=_("Votes per candidate"), label=_("candidate")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("decided_by"), FieldPanel("decision_reference")]),
                FieldPanel("correction_note"),
            ],
            heading=_("Decision"),
        ),
    ]

    class Meta:
        verbose_name = _("unit result")
        verbose_name_plural = _("unit results")
        ordering = ["body__sort_order", "body_id", "unit_number", "round"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "unit_number", "round"], name="baucu_result_unique_round"
            )
        ]

    def __str__(self) -> str:
        text = f"{self.body.name if self.body_id else ''}: đơn vị bầu cử số {self.unit_number}"
        if self.round != ResultRound.FIRST:
            text += f" ({self.get_round_display()})"
        return text

    def minutes(self, seats: int, candidates: dict) -> Minutes:
        """The rules' input from these figures; ``candidates`` maps a page key to its page."""
        rows = []
        for row in self.votes.all():
            page = candidates.get(row.candidate_id)
            if page is not None:
                rows.append(Votes(row.candidate_id, page.title, page.date_of_birth, row.votes))
        return Minutes(
            seats=seats,
            voters_on_list=self.voters_on_list,
            voters_who_voted=self.voters_who_voted,
            valid_ballots=self.valid_ballots,
            invalid_ballots=self.invalid_ballots,
            votes=tuple(rows),
            round=Round(self.round),
            council=self.body.kind == "peoples_council",
        )

    def outcome(self, seats: int, candidates: dict) -> Outcome:
        return decide(self.minutes(seats, candidates))

    def snapshot(self) -> dict:
        """The published figures, as the history compares them."""
        return {
            **{name: getattr(self, name) for name in FIGURES},
            "votes": {str(row.candidate_id): row.votes for row in self.votes.all()},
        }


class CandidateVotes(Orderable):
    """The votes of one candidate of the unit."""

    result = ParentalKey(UnitResult, on_delete=models.CASCADE, related_name="votes")
    candidate = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        verbose_name=_("candidate"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    votes = models.PositiveIntegerField(pgettext_lazy("results", "votes"))

    # A list of the election's candidates, not the page chooser (see forms.py).
    panels = [FieldRowPanel([FieldPanel("candidate", widget=forms.Select), FieldPanel("votes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("votes of a candidate")
        verbose_name_plural = _("votes per candidate")
        constraints = [
            models.UniqueConstraint(
                fields=["result", "candidate"], name="baucu_result_one_row_per_candidate"
            )
        ]


class ResultPublication(models.Model):
    """One publication of a unit's result: the public history of the result and its corrections."""

    result = models.ForeignKey(UnitResult, on_delete=models.CASCADE, related_name="publications")
    published_at = models.DateTimeField(_("published at"), db_index=True)
    decided_by = models.CharField(_("decided by"), max_length=255)
    decision_reference = models.CharField(_("decision reference"), max_length=255)
    correction_note = models.TextField(_("what was corrected and why"), blank=True)
    figures = models.JSONField(default=dict)
    # [{"field": name or "votes:<page key>", "before": n, "after": n}], empty the first time.
    changes = models.JSONField(default=list)

    class Meta:
        verbose_name = _("publication of a result")
        verbose_name_plural = _("publications of results")
        ordering = ["result", "-published_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.result}: {self.published_at:%Y-%m-%d %H:%M}"

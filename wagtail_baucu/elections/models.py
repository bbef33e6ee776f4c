"""Elections and what they are made of, as data: levels, bodies and polling areas.

Electoral units and candidates are pages (``wagtail_baucu.elections.mixins``); a polling area
names its units by body and number, so it needs no foreign key to a concrete page type and
works the same with a custom base page.
"""

from __future__ import annotations

import datetime

import swapper
from django.conf import settings
from django.core.exceptions import ValidationError
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
from wagtail.search import index

from wagtail_baucu.pages.mixins import ElectionPortalMixin
from wagtail_baucu.text.folding import fold

VOTING_OPENS = datetime.time(7, 0)
VOTING_CLOSES = datetime.time(19, 0)


class Election(ClusterableModel):
    """One election held on one day, attached to the election portal that publishes it."""

    title = models.CharField(
        pgettext_lazy("election", "title"),
        max_length=255,
        help_text=_(
            "E.g. Bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026"
        ),
    )
    election_day = models.DateField(_("election day"))
    portal = models.OneToOneField(
        swapper.get_model_name("wagtailcore", "Page"),
        verbose_name=_("election portal"),
        on_delete=models.CASCADE,
        related_name="election",
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("election_day"), FieldPanel("portal")]),
        InlinePanel("levels", heading=_("Levels of the councils"), label=_("level")),
        InlinePanel(
            "milestones",
            heading=pgettext_lazy("election", "Timeline"),
            label=_("milestone"),
            help_text=_(
                "The milestones shown on the portal home, in the API and in the calendar file. "
                "The command baucu_propose_milestones fills an empty timeline from the law."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        ordering = ["-election_day"]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if self.portal_id and not isinstance(self.portal.specific, ElectionPortalMixin):
            raise ValidationError({"portal": _("Choose an election portal page.")})


class Level(Orderable):
    """A tier of local government that elects a council in this election (tỉnh, huyện, xã)."""

    election = ParentalKey(Election, on_delete=models.CASCADE, related_name="levels")
    name = models.CharField(
        pgettext_lazy("election", "name"), max_length=60, help_text=_("E.g. tỉnh, huyện, xã")
    )
    code = models.SlugField(_("code"), max_length=30, help_text=_("E.g. tinh, huyen, xa"))

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("code")])]

    class Meta(Orderable.Meta):
        verbose_name = _("level")
        verbose_name_plural = _("levels")
        constraints = [
            models.UniqueConstraint(fields=["election", "code"], name="baucu_level_unique_code")
        ]

    def __str__(self) -> str:
        return self.name


class BodyKind(models.TextChoices):
    NATIONAL_ASSEMBLY = "national_assembly", _("National Assembly")
    PEOPLES_COUNCIL = "peoples_council", _("People's Council")


class Body(models.Model):
    """A body elected in an election: the National Assembly, or a People's Council at a level."""

    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.CASCADE, related_name="bodies"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=BodyKind.choices)
    level = models.ForeignKey(
        Level,
        verbose_name=_("level"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bodies",
        help_text=_("The council's level; empty for the National Assembly."),
    )
    name = models.CharField(
        pgettext_lazy("election", "name"),
        max_length=255,
        help_text=_("E.g. Quốc hội, HĐND thành phố Hải Phòng"),
    )
    code = models.SlugField(_("code"), max_length=40, help_text=_("E.g. quoc-hoi, hdnd-tinh"))
    sort_order = models.PositiveSmallIntegerField(_("order on the ballot"), default=0)

    panels = [
        FieldPanel("election"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("level")]),
        FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("elected body")
        verbose_name_plural = _("elected bodies")
        ordering = ["election", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["election", "code"], name="baucu_body_unique_code")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if self.kind == BodyKind.NATIONAL_ASSEMBLY and self.level_id:
            raise ValidationError({"level": _("The National Assembly has no level.")})
        if self.kind == BodyKind.PEOPLES_COUNCIL and not self.level_id:
            raise ValidationError({"level": _("Choose the council's level.")})
        if self.level_id and self.election_id and self.level.election_id != self.election_id:
            raise ValidationError({"level": _("The level belongs to another election.")})


class PollingArea(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """A polling area (khu vực bỏ phiếu): one place where voters of every body vote at once.

    No voter lists: they are personal data and stay on paper.
    """

    election = models.ForeignKey(
        Election,
        verbose_name=_("election"),
        on_delete=models.CASCADE,
        related_name="polling_areas",
    )
    number = models.PositiveSmallIntegerField(_("number"))
    commune = models.CharField(
        _("commune or ward"), max_length=120, help_text=_("E.g. Phường Minh Khai")
    )
    covers = models.TextField(
        _("area covered"),
        blank=True,
        help_text=_("Villages, residential groups and streets of the area, as voters name them."),
    )
    place_name = models.CharField(_("polling place"), max_length=255)
    address = models.CharField(_("address"), max_length=255)
    opens_at = models.TimeField(_("voting opens"), default=VOTING_OPENS)
    closes_at = models.TimeField(_("voting closes"), default=VOTING_CLOSES)
    early_voting_date = models.DateField(
        _("early voting date"),
        null=True,
        blank=True,
        help_text=_("Only where early voting is approved (remote areas)."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    agency = models.ForeignKey(
        "wagtail_baucu.Agency",
        verbose_name=_("kept by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="polling_areas",
        help_text=_(
            "The commune's or ward's committee whose contributors may edit this area; "
            "the moderators publish it."
        ),
    )
    search_text = models.TextField(editable=False, blank=True, default="")

    panels = [
        FieldPanel("election"),
        # Only those who may publish choose the keeper: a keeper cannot hand an area on.
        FieldPanel("agency", permission="baucu_elections.publish_pollingarea"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("commune")]),
        FieldPanel("covers"),
        FieldRowPanel([FieldPanel("place_name"), FieldPanel("address")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("early_voting_date"),
            ],
            heading=_("Hours"),
        ),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        InlinePanel("units", heading=_("Electoral units on the ballot"), label=_("unit")),
    ]
    search_fields = [index.SearchField("search_text"), index.FilterField("election")]

    class Meta:
        verbose_name = _("polling area")
        verbose_name_plural = _("polling areas")
        ordering = ["election", "commune", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "commune", "number"], name="baucu_polling_area_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.commune}: khu vực bỏ phiếu số {self.number}"

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Voting must close after it opens.")})

    def save(self, *args, **kwargs):
        self.search_text = fold(
            " ".join([self.commune, self.covers, self.place_name, self.address])
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = list(update_fields) + ["search_text"]
        return super().save(*args, **kwargs)


class PollingAreaUnit(Orderable):
    """The electoral unit of one body that a polling area belongs to, named by its number."""

    area = ParentalKey(PollingArea, on_delete=models.CASCADE, related_name="units")
    body = models.ForeignKey(
        Body, verbose_name=_("elected body"), on_delete=models.CASCADE, related_name="+"
    )
    unit_number = models.PositiveSmallIntegerField(_("unit number"))

    panels = [FieldRowPanel([FieldPanel("body"), FieldPanel("unit_number")])]

    class Meta(Orderable.Meta):
        verbose_name = _("electoral unit of the area")
        verbose_name_plural = _("electoral units of the area")
        constraints = [
            models.UniqueConstraint(fields=["area", "body"], name="baucu_area_one_unit_per_body")
        ]


class ImportRunStatus(models.TextChoices):
    CHECKING = "checking", _("Checking the rows")
    CHECKED = "checked", _("Checked")
    APPLYING = "applying", _("Importing")
    APPLIED = "applied", _("Imported")
    FAILED = "failed", _("Failed")


class ImportRun(models.Model):
    """One spreadsheet uploaded in the admin: its bytes, the dry run's rows and the progress.

    The file is kept so that the import applied is the file that was checked, and the work
    runs as background tasks that record their progress here.
    """

    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("what the file holds"), max_length=20)
    file_name = models.CharField(pgettext_lazy("import", "file"), max_length=255)
    data = models.BinaryField()
    publish = models.BooleanField(_("publish at once"), default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("import", "user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(pgettext_lazy("import", "created at"), auto_now_add=True)
    status = models.CharField(
        pgettext_lazy("import", "status"),
        max_length=20,
        choices=ImportRunStatus.choices,
        default="checking",
    )
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    # The dry run: [{"line", "action", "text"}], in the file's order.
    rows = models.JSONField(default=list, blank=True)
    summary = models.TextField(blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def refused(self) -> list[dict]:
        return [row for row in self.rows if row["action"] == "refused"]

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0


class Milestone(Orderable):
    """A step of an election's timeline: a day, a period of days, or a moment on a day."""

    election = ParentalKey(Election, on_delete=models.CASCADE, related_name="milestones")
    name = models.CharField(pgettext_lazy("milestone", "name"), max_length=255)
    starts_on = models.DateField(_("date"), help_text=_("The day, or the first day of a period."))
    ends_on = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("Only for a period of several days.")
    )
    at_time = models.TimeField(
        _("time"),
        null=True,
        blank=True,
        help_text=_("Only for a moment on the day (Vietnam time), e.g. 07:00."),
    )
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=500,
        blank=True,
        help_text=_("E.g. khoản 7 Điều 57 Luật Bầu cử số 85/2015/QH13"),
    )
    done = models.BooleanField(_("done"), default=False)
    # The rule of ``milestones.propose_milestones`` this row came from, if any.
    key = models.SlugField(_("proposal key"), max_length=60, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on"), FieldPanel("at_time")]),
        FieldRowPanel([FieldPanel("legal_basis"), FieldPanel("done")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day cannot be before the first.")})
        if self.ends_on and self.at_time:
            raise ValidationError({"at_time": _("A period of days has no time.")})

    @property
    def last_day(self) -> datetime.date:
        return self.ends_on or self.starts_on

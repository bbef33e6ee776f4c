"""The election's page types as abstract models: an index of units, a unit, a candidate.

Units and candidates are pages so that they go through the portal's moderation, keep
revisions, and get QR codes, print views, feeds and the package's visibility rule like every
other page. Concrete pages are in ``wagtail_baucu.pages.models`` (and, for a custom base page,
in the project, as for the other page types).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.images import get_image_model, get_image_model_string

from wagtail_baucu.conf import get_setting
from wagtail_baucu.elections.models import Body, Election, PollingArea, PollingAreaUnit
from wagtail_baucu.elections.ordering import name_sort_key
from wagtail_baucu.feeds.routes import FeedRoutesMixin
from wagtail_baucu.pages.mixins import BaucuPageMixin, PrintableMixin
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.public import public_pages
from wagtail_baucu.text.folding import clean_query, query_terms

PHOTO_RENDITION = "fill-240x320"
# A lookup shows at most this many polling areas: enough for a commune, bounded for the server.
LOOKUP_MAX_AREAS = 30


# The concrete pages' names, here so that they are translated in this app's catalogue.
UNIT_INDEX_NAMES = (_("electoral units index"), _("electoral units indexes"))
UNIT_NAMES = (_("electoral unit"), _("electoral units"))
CANDIDATE_NAMES = (_("candidate"), _("candidates"))


class CandidateStatus(models.TextChoices):
    ON_LIST = "on_list", _("On the official list")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REMOVED = "removed", _("Removed from the list")


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


# The biography fields an integrator may make public (ELECTION_CANDIDATE_PUBLIC_FIELDS).
BIOGRAPHY_FIELDS = (
    "other_names",
    "sex",
    "date_of_birth",
    "place_of_origin",
    "residence",
    "ethnicity",
    "religion",
    "general_education",
    "professional_education",
    "academic_title",
    "political_theory",
    "foreign_languages",
    "occupation",
    "workplace",
    "party_joined_on",
    "current_deputy",
)


def election_of(page) -> Election | None:
    """The election attached to the page's portal, or ``None``."""
    portal = page.portal
    if portal is None:
        return None
    return Election.objects.filter(portal_id=portal.pk).first()


def with_photos(queryset: QuerySet) -> QuerySet:
    images = get_image_model().objects.prefetch_renditions(PHOTO_RENDITION)
    return queryset.prefetch_related(Prefetch("photo", queryset=images))


def official_order(candidates) -> list:
    """Candidates in the order of the official list (given name, then the rest)."""
    return sorted(candidates, key=lambda c: (name_sort_key(c.title), c.pk))


def candidates_of_units(units: list) -> dict[int, list]:
    """The public candidates on the official list of each unit page, in one query."""
    if not units:
        return {}
    model = page_model(CandidateMixin)
    within = Q()
    for unit in units:
        within |= Q(path__startswith=unit.path, depth=unit.depth + 1)
    found: dict[int, list] = {unit.pk: [] for unit in units}
    by_path = {unit.path: unit.pk for unit in units}
    queryset = public_pages(model.objects.filter(within)).filter(status=CandidateStatus.ON_LIST)
    for candidate in with_photos(queryset):
        found[by_path[candidate.path[: -model.steplen]]].append(candidate)
    return {pk: official_order(items) for pk, items in found.items()}


def public_units(**filters) -> QuerySet:
    model = page_model(ElectoralUnitMixin)
    return public_pages(model.objects.filter(**filters)).select_related("body", "body__level")


class ElectoralUnitIndexMixin(FeedRoutesMixin, BaucuPageMixin):
    """ "Đơn vị bầu cử": the election's units by body, and the "Where do I vote?" lookup.

    Its feed (``feed/<format>/``) announces the publication of every unit's list and every
    change to it (see ``wagtail_baucu.elections.feeds``).
    """

    def feed_source(self):
        from wagtail_baucu.elections.feeds import election_lists_source

        return election_lists_source(self)

    intro = RichTextField(_("introduction"), blank=True)

    baucu_content_panels = [FieldPanel("intro")]

    class Meta:
        abstract = True

    @cached_property
    def election(self) -> Election | None:
        return election_of(self)

    def units(self) -> QuerySet:
        model = page_model(ElectoralUnitMixin)
        return (
            public_pages(model.objects.child_of(self))
            .select_related("body", "body__level")
            .order_by("body__sort_order", "body_id", "number")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["election"] = self.election
        context["units"] = self.units()
        context["page_feed_sources"] = [self.feed_source()]
        return context

    def find_polling_areas(self, raw_query: str) -> list[PollingArea]:
        """Live polling areas of this election whose commune, streets or place hold every word."""
        terms = query_terms(raw_query)
        if not terms or self.election is None:
            return []
        queryset = PollingArea.objects.filter(election=self.election, live=True)
        for term in terms:
            queryset = queryset.filter(search_text__contains=term)
        units = PollingAreaUnit.objects.select_related("body").order_by("body__sort_order")
        return list(queryset.prefetch_related(Prefetch("units", queryset=units))[:LOOKUP_MAX_AREAS])

    def ballots(self, areas: list[PollingArea]) -> dict[int, list[dict]]:
        """For each area, the units on its ballot (one per body) with their candidates.

        Three queries whatever the number of areas, units and candidates.
        """
        wanted = {(link.body_id, link.unit_number) for area in areas for link in area.units.all()}
        if not wanted:
            return {area.pk: [] for area in areas}
        match = Q()
        for body_id, number in wanted:
            match |= Q(body_id=body_id, number=number)
        units = {
            (unit.body_id, unit.number): unit
            for unit in public_units().filter(match, body__election=self.election)
        }
        candidates = candidates_of_units(list(units.values()))
        return {
            area.pk: [
                {
                    "body": link.body,
                    "unit": units.get((link.body_id, link.unit_number)),
                    "number": link.unit_number,
                    "candidates": candidates.get(
                        getattr(units.get((link.body_id, link.unit_number)), "pk", None), []
                    ),
                }
                for link in area.units.all()
            ]
            for area in areas
        }

    @path("tim-noi-bo-phieu/", name="polling_lookup")
    def polling_lookup(self, request: HttpRequest) -> HttpResponse:
        """ "Where do I vote?": a commune, ward or street, typed with or without accents."""
        query = clean_query(request.GET.get("q"))[:100]
        areas = self.find_polling_areas(query) if query else []
        ballots = self.ballots(areas)
        return self.render(
            request,
            template="wagtail_baucu/elections/polling_lookup.html",
            context_overrides={
                "search_query": query,
                "results": [(area, ballots[area.pk]) for area in areas],
            },
        )


class ElectoralUnitMixin(FeedRoutesMixin, PrintableMixin, BaucuPageMixin):
    """An electoral unit (đơn vị bầu cử) of one body; its candidates are its child pages.

    Its feed (``feed/<format>/``) announces the publication of its list and every change to it.
    """

    def feed_source(self):
        from wagtail_baucu.elections.feeds import unit_list_source

        return unit_list_source(self)

    def feed_sources(self) -> list:
        """The feeds the unit page announces (autodiscovery): its own and its election's."""
        from wagtail_baucu.elections.feeds import election_lists_source

        found = [self.feed_source()]
        index = self.get_parent().specific
        if isinstance(index, ElectoralUnitIndexMixin):
            found.append(election_lists_source(index))
        return found

    body = models.ForeignKey(
        Body, verbose_name=_("elected body"), on_delete=models.PROTECT, related_name="+"
    )
    number = models.PositiveSmallIntegerField(_("unit number"))
    seats = models.PositiveSmallIntegerField(_("seats"))
    area_covered = models.TextField(
        _("communes and wards covered"), help_text=_("As the committee's resolution names them.")
    )
    board_name = models.CharField(
        _("election board"), max_length=255, blank=True, help_text=_("The Ban bầu cử in charge.")
    )
    voter_count = models.PositiveIntegerField(_("number of voters"), null=True, blank=True)
    list_published_on = models.DateField(_("official list published on"), null=True, blank=True)

    print_template = "wagtail_baucu/elections/print/electoral_unit_page.html"

    baucu_content_panels = [
        FieldRowPanel([FieldPanel("body"), FieldPanel("number"), FieldPanel("seats")]),
        FieldPanel("area_covered"),
        FieldRowPanel([FieldPanel("board_name"), FieldPanel("voter_count")]),
        FieldPanel("list_published_on"),
    ]

    class Meta:
        abstract = True

    def get_search_text_parts(self) -> list[str]:
        parts = super().get_search_text_parts() + [self.area_covered, self.board_name]
        if self.body_id:
            parts.append(self.body.name)
        return parts

    def candidates(self) -> list:
        """The public candidates on the official list, in the official order."""
        return candidates_of_units([self]).get(self.pk, [])

    def polling_areas(self) -> QuerySet:
        return PollingArea.objects.filter(
            live=True, units__body_id=self.body_id, units__unit_number=self.number
        ).order_by("commune", "number")

    def list_changed_on(self):
        """The last date a candidate left the published list, if any (shown on the poster)."""
        model = page_model(CandidateMixin)
        return (
            public_pages(model.objects.child_of(self))
            .exclude(status=CandidateStatus.ON_LIST)
            .aggregate(last=Max("status_changed_on"))["last"]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["candidates"] = self.candidates()
        context["polling_areas"] = self.polling_areas()
        context["list_changed_on"] = self.list_changed_on()
        context["public_fields"] = public_biography_fields()
        context["page_feed_sources"] = self.feed_sources()
        return context


def public_biography_fields() -> list[str]:
    """The biography fields shown to the public, in the form's order, known names only."""
    chosen = set(get_setting("ELECTION_CANDIDATE_PUBLIC_FIELDS"))
    return [name for name in BIOGRAPHY_FIELDS if name in chosen]


class CandidateMixin(PrintableMixin, BaucuPageMixin):
    """A candidate (người ứng cử) of the parent unit; the page title is the full name."""

    other_names = models.CharField(_("other names"), max_length=255, blank=True)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True)
    date_of_birth = models.DateField(_("date of birth"))
    place_of_origin = models.CharField(_("place of origin"), max_length=255, blank=True)
    residence = models.CharField(_("current residence"), max_length=255, blank=True)
    ethnicity = models.CharField(_("ethnicity"), max_length=60, blank=True)
    religion = models.CharField(_("religion"), max_length=60, blank=True)
    general_education = models.CharField(_("general education"), max_length=60, blank=True)
    professional_education = models.CharField(
        _("professional education"), max_length=255, blank=True
    )
    academic_title = models.CharField(_("academic title and degree"), max_length=255, blank=True)
    political_theory = models.CharField(_("political theory"), max_length=120, blank=True)
    foreign_languages = models.CharField(_("foreign languages"), max_length=255, blank=True)
    occupation = models.CharField(_("occupation and position"), max_length=500, blank=True)
    workplace = models.CharField(_("workplace"), max_length=500, blank=True)
    party_joined_on = models.DateField(_("date of joining the Party"), null=True, blank=True)
    current_deputy = models.CharField(
        _("current deputy"),
        max_length=255,
        blank=True,
        help_text=_("E.g. Đại biểu HĐND thành phố khóa XV; empty if not a deputy."),
    )
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    programme = RichTextField(_("action programme"), blank=True)
    programme_file = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("action programme (file)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        pgettext_lazy("candidate", "status"),
        max_length=20,
        choices=CandidateStatus.choices,
        default=CandidateStatus.ON_LIST,
        db_index=True,
    )
    status_changed_on = models.DateField(_("status changed on"), null=True, blank=True)
    status_reason = models.TextField(_("reason"), blank=True)
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("Invented for a demonstration; shown as such.")
    )

    print_template = "wagtail_baucu/elections/print/candidate_page.html"

    baucu_content_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("other_names"), FieldPanel("sex")]),
                FieldRowPanel([FieldPanel("date_of_birth"), FieldPanel("place_of_origin")]),
                FieldPanel("residence"),
                FieldRowPanel([FieldPanel("ethnicity"), FieldPanel("religion")]),
                FieldRowPanel(
                    [FieldPanel("general_education"), FieldPanel("professional_education")]
                ),
                FieldRowPanel([FieldPanel("academic_title"), FieldPanel("political_theory")]),
                FieldPanel("foreign_languages"),
                FieldPanel("occupation"),
                FieldPanel("workplace"),
                FieldRowPanel([FieldPanel("party_joined_on"), FieldPanel("current_deputy")]),
            ],
            heading=_("Biography"),
        ),
        FieldPanel("photo"),
        FieldPanel("programme"),
        FieldPanel("programme_file"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("status_changed_on"), FieldPanel("status_reason")]),
            ],
            heading=_("Status on the official list"),
        ),
        FieldPanel("is_example"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.status != CandidateStatus.ON_LIST and not self.status_changed_on:
            raise ValidationError(
                {"status_changed_on": _("Give the date the candidate left the list.")}
            )

    def get_search_text_parts(self) -> list[str]:
        return super().get_search_text_parts() + [
            self.other_names,
            self.occupation,
            self.workplace,
            strip_tags(self.programme),
        ]

    @property
    def on_list(self) -> bool:
        return self.status == CandidateStatus.ON_LIST

    @cached_property
    def unit(self):
        parent = self.get_parent()
        return parent.specific if parent else None

    def public_biography(self) -> list[tuple[str, object]]:
        """(label, value) of the public, filled-in biography fields, in the form's order."""
        rows = []
        for name in public_biography_fields():
            field = self._meta.get_field(name)
            value = getattr(self, name)
            if value in ("", None):
                continue
            if field.choices:
                value = getattr(self, f"get_{name}_display")()
            rows.append((field.verbose_name, value))
        return rows

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["biography"] = self.public_biography()
        return context

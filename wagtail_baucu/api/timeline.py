"""``timeline/``: the milestones of the elections of the site's public portals.

Filters ``?election=<id>`` and the fields' own (``?done=true``); ordered by date. Each item
carries its election (title, day, portal URL, calendar file) and its status on today's date in
Vietnam time (``done``, ``current``, ``past``, ``future``).
"""

from __future__ import annotations

from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.v2.serializers import BaseSerializer
from wagtail.api.v2.views import BaseAPIViewSet

from wagtail_baucu.api import filters
from wagtail_baucu.api.views import COMMON_PARAMETERS, StrictParametersMixin, site_public_pages
from wagtail_baucu.elections.models import Milestone
from wagtail_baucu.elections.timeline.service import CALENDAR_NAME, local_today
from wagtail_baucu.elections.timeline.state import milestone_status
from wagtail_baucu.public import absolute_url


class _Whole(Field):
    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def get_attribute(self, instance):
        return instance


class MilestoneStatusField(_Whole):
    def to_representation(self, milestone):
        return milestone_status(milestone, local_today())


class MilestoneElectionField(_Whole):
    def to_representation(self, milestone):
        election = milestone.election
        portal_url = absolute_url(election.portal, self.context["request"])
        return {
            "id": election.pk,
            "title": election.title,
            "election_day": election.election_day.isoformat(),
            "portal_url": portal_url,
            "calendar_url": portal_url + CALENDAR_NAME if portal_url else None,
        }


class MilestoneSerializer(BaseSerializer):
    pass


class ElectionFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        raw = request.GET.get("election")
        if raw is None:
            return queryset
        return queryset.filter(
            election_id=filters.parse_count(raw, "election", default=0, maximum=None)
        )


class TimelineEndpoint(StrictParametersMixin, BaseAPIViewSet):
    """The milestones of every election whose portal is public on the site."""

    base_serializer_class = MilestoneSerializer
    filter_backends = [filters.FieldsFilter, ElectionFilter, filters.OrderingFilter]
    known_query_parameters = COMMON_PARAMETERS
    named_parameters = frozenset(["election"])
    body_fields = [
        "id",
        "name",
        "starts_on",
        "ends_on",
        "at_time",
        "legal_basis",
        "done",
        APIField("status", serializer=MilestoneStatusField()),
        APIField("election", serializer=MilestoneElectionField()),
    ]
    meta_fields = ["type", "detail_url"]
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "name",
        "starts_on",
        "ends_on",
        "at_time",
        "legal_basis",
        "done",
        "status",
        "election",
    ]
    nested_default_fields = ["id", "type", "detail_url", "name"]
    orderings = {"starts_on": "starts_on", "id": "id"}
    default_ordering = ("starts_on", "sort_order")
    name = "timeline"
    model = Milestone

    def get_queryset(self):
        portals = site_public_pages(self.request).values("pk")
        return self.model.objects.filter(election__portal__in=portals).select_related(
            "election__portal"
        )

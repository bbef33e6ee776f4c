"""The admin form that creates an election portal: what ``baucu_portal create`` takes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CreatePortalForm(forms.Form):
    title = forms.CharField(label=pgettext_lazy("portal form", "title"), max_length=255)
    election_name = forms.CharField(
        label=pgettext_lazy("portal form", "election name"),
        max_length=255,
        required=False,
        help_text=_("Left empty: the title."),
    )
    election_day = forms.CharField(
        label=pgettext_lazy("portal form", "election day"),
        required=False,
        help_text=_("E.g. 15/03/2026."),
    )
    hostname = forms.CharField(
        label=pgettext_lazy("portal form", "host name"),
        max_length=255,
        help_text=_("E.g. baucu.example.vn, without http://."),
    )
    port = forms.CharField(label=pgettext_lazy("portal form", "port"), initial="80", max_length=5)
    new_site = forms.BooleanField(
        label=pgettext_lazy("portal form", "new site"),
        required=False,
        help_text=_("Make a new site at this host name and port instead of moving the default."),
    )
    remove_home_page = forms.BooleanField(
        label=pgettext_lazy("portal form", "remove the home page"),
        required=False,
        help_text=_("Delete the page the site showed before, if no pages are under it."),
    )

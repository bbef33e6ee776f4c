"""The admin form of a unit's result: the rules' refusals as errors on the fields concerned."""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from wagtail_baucu.results.models import FIGURES
from wagtail_baucu.results.rules import Minutes, Round, Votes, refusals
from wagtail_baucu.results.units import candidate_choices, candidates_of, unit_pages


class UnitResultForm(WagtailAdminModelForm):
    """Checks the minutes against the unit's seats and candidates; what was typed stays."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets["votes"]
        # The candidates' list, not every page of the site (new rows copy the class's field).
        formset.form.base_fields["candidate"].queryset = candidate_choices()
        for form in formset.forms:
            form.fields["candidate"].queryset = candidate_choices()

    def clean(self):
        cleaned = super().clean()
        body, number = cleaned.get("body"), cleaned.get("unit_number")
        if body is None or number is None:
            return cleaned
        unit = unit_pages([(body.pk, number)]).get((body.pk, number))
        if unit is None:
            self.add_error(
                "unit_number",
                _("%(body)s has no electoral unit number %(number)s.")
                % {"body": body.name, "number": number},
            )
            return cleaned
        candidates = candidates_of([unit])[unit.pk]
        formset = self.formsets["votes"]
        if not formset.is_valid():
            return cleaned
        rows, forms_by_key = [], {}
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE") or data.get("candidate") is None:
                continue
            page = candidates.get(data["candidate"].pk)
            if page is None:
                form.add_error("candidate", _("Not a candidate of this electoral unit."))
                continue
            rows.append(Votes(page.pk, page.title, page.date_of_birth, data.get("votes") or 0))
            forms_by_key.setdefault(f"votes:{page.pk}", form)
        if any(cleaned.get(name) is None for name in FIGURES):
            return cleaned
        minutes = Minutes(
            seats=unit.seats,
            **{name: cleaned[name] for name in FIGURES},
            votes=tuple(rows),
            round=Round(cleaned.get("round") or Round.FIRST),
            council=body.kind == "peoples_council",
        )
        for name, message in refusals(minutes).items():
            if name in forms_by_key:
                field = "candidate" if message == _("This candidate is entered twice.") else "votes"
                forms_by_key[name].add_error(field, message)
            elif name in self.fields:
                self.add_error(name, message)
            else:
                self.add_error(None, message)
        return cleaned

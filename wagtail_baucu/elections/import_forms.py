"""The admin's import form: what the file holds, for which election, and the file itself."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail_baucu.conf import get_setting
from wagtail_baucu.elections.imports import ImportError_, check_columns, read_rows
from wagtail_baucu.elections.models import Election

KIND_CHOICES = [("units", _("Electoral units")), ("candidates", _("Candidates"))]


def kind_choices() -> list[tuple[str, object]]:
    """The package's kinds, then those other apps registered (results) with their labels."""
    from wagtail_baucu.elections.imports import OTHER_KINDS

    return KIND_CHOICES + [(name, kind.label or name) for name, kind in OTHER_KINDS.items()]


EXTENSIONS = (".csv", ".xlsx")


class ImportForm(forms.Form):
    """Checks what can be checked at once (type, size, columns); the rows are checked by the
    dry run. On an error the options chosen stay chosen."""

    kind = forms.ChoiceField(label=_("The file holds"), choices=kind_choices)
    election = forms.ModelChoiceField(
        label=_("election"), queryset=Election.objects.all(), empty_label=None
    )
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("The columns of the template file; the first row holds the column names."),
    )
    publish = forms.BooleanField(
        label=_("publish at once"),
        required=False,
        help_text=_("Otherwise the pages are saved as drafts for the moderators to publish."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.data_bytes = b""

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError(_("Only .csv or .xlsx files are accepted."))
        limit = get_setting("ELECTION_IMPORT_MAX_BYTES")
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is too large (at most %(size)s MB).")
                % {"size": f"{limit / 1024 / 1024:g}"}
            )
        self.data_bytes = upload.read()
        return upload

    def clean(self):
        cleaned = super().clean()
        upload, kind, election = (cleaned.get(k) for k in ("file", "kind", "election"))
        if upload is not None and kind:
            try:
                headers, _rows, _formulas = read_rows(self.data_bytes, upload.name)
                check_columns(kind, headers)
            except ImportError_ as error:
                self.add_error("file", str(error))
        if cleaned.get("publish") and election is not None and not self.may_publish(election):
            self.add_error("publish", _("You may not publish in this election's portal."))
        return cleaned

    def may_publish(self, election: Election) -> bool:
        portal = election.portal.specific_deferred
        return bool(self.user) and portal.permissions_for_user(self.user).can_publish_subpage()

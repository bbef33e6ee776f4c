"""The admin form that onboards an agency."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from wagtail_baucu.agencies.models import Agency
from wagtail_baucu.agencies.onboarding import portals


class OnboardAgencyForm(forms.Form):
    """What ``baucu_agency add`` and ``add-user`` take, in one form."""

    code = forms.CharField(
        label=_("code"),
        max_length=20,
        help_text=_("Capital abbreviation used in document symbols, e.g. SVHTT."),
    )
    name = forms.CharField(label=_("full name"), max_length=255)
    short_name = forms.CharField(label=_("short name"), max_length=100, required=False)
    kind = forms.ChoiceField(
        label=_("kind"), choices=Agency.Kind.choices, initial=Agency.Kind.OTHER
    )
    portal = forms.ModelChoiceField(label=_("election portal"), queryset=None)
    usernames = forms.CharField(
        label=_("contributors"),
        required=False,
        help_text=_("Usernames of existing users, separated by commas or spaces."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["portal"].queryset = portals()
        if self.fields["portal"].queryset.count() == 1:
            self.fields["portal"].initial = self.fields["portal"].queryset.first()

    def clean_usernames(self) -> list[str]:
        names = self.cleaned_data["usernames"].replace(",", " ").split()
        field = get_user_model().USERNAME_FIELD
        known = set(
            get_user_model().objects.filter(**{f"{field}__in": names}).values_list(field, flat=True)
        )
        unknown = [name for name in names if name not in known]
        if unknown:
            raise forms.ValidationError(
                _("No user has the username: %(names)s.") % {"names": ", ".join(unknown)}
            )
        return names

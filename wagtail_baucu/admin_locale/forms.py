from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail's log-in form with its password field labelled in the user's language.

    Wagtail redefines Django's password field without a label, so the form shows the field's
    name, "Password", which no catalogue can translate. Set
    ``WAGTAILADMIN_USER_LOGIN_FORM = "wagtail_baucu.admin_locale.forms.LoginForm"``.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")

"""Labels for the link chooser's fields that Wagtail leaves without one.

Wagtail's external, anchor, e-mail and phone link forms define ``link_text``,
``email_address``, ``subject``, ``body`` and ``phone_number`` without a label, so Django shows
each field's name ("Link text", "Phone number"), which no catalogue can translate. The labels
below are those same English words through gettext: Django's own msgid where it has one, else
the app's own msgid in the ``OWN_CONTEXT`` context.
"""

from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.admin.forms import choosers as wagtail_choosers

OWN_CONTEXT = "link chooser"

LABELS = {
    "link_text": pgettext_lazy("link chooser", "Link text"),
    "email_address": gettext_lazy("Email address"),
    "subject": pgettext_lazy("link chooser", "Subject"),
    "body": pgettext_lazy("link chooser", "Body"),
    "phone_number": pgettext_lazy("link chooser", "Phone number"),
}

FORMS = (
    wagtail_choosers.ExternalLinkChooserForm,
    wagtail_choosers.AnchorLinkChooserForm,
    wagtail_choosers.EmailLinkChooserForm,
    wagtail_choosers.PhoneLinkChooserForm,
)


def label_the_link_fields() -> None:
    """Give the link chooser's unlabelled fields a translatable label; a label Wagtail sets is
    kept."""
    for form in FORMS:
        for name, field in form.base_fields.items():
            if field.label is None and name in LABELS:
                field.label = LABELS[name]

"""The admin form of the package's pages."""

from wagtail.admin.forms import WagtailAdminPageForm

from wagtail_baucu.agencies.permissions import (
    limit_media_choices,
    refuse_unchoosable_media_in_streams,
)
from wagtail_baucu.text.slugs import vietnamese_slugify


class BaucuPageForm(WagtailAdminPageForm):
    """Makes the slug on the server from Vietnamese text before Wagtail checks it is free, and
    accepts only images and files the user may choose, in fields and inside StreamField blocks."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An empty slug is made from the title in clean(), so the field may be left empty.
        if "slug" in self.fields:
            self.fields["slug"].required = False
        limit_media_choices(self)

    def clean(self):
        slug = self.cleaned_data.get("slug")
        title = self.cleaned_data.get("title")
        if slug and not slug.isascii():
            self.cleaned_data["slug"] = vietnamese_slugify(slug)
        elif not slug and title:
            self.cleaned_data["slug"] = vietnamese_slugify(title)
        if self.cleaned_data.get("slug") == "":
            self.add_error("slug", self.fields["slug"].error_messages["required"])
        cleaned_data = super().clean()
        refuse_unchoosable_media_in_streams(self)
        return cleaned_data

"""The admin form of the package's pages."""

from wagtail.admin.forms import WagtailAdminPageForm

from wagtail_baucu.text.slugs import vietnamese_slugify


class BaucuPageForm(WagtailAdminPageForm):
    """Makes the slug on the server from Vietnamese text before Wagtail checks it is free."""

    def clean(self):
        slug = self.cleaned_data.get("slug")
        title = self.cleaned_data.get("title")
        if slug and not slug.isascii():
            self.cleaned_data["slug"] = vietnamese_slugify(slug)
        elif not slug and title:
            self.cleaned_data["slug"] = vietnamese_slugify(title)
        return super().clean()

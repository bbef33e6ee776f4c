"""Agencies (the bodies that contribute news and issue documents) and news categories."""

import re

import swapper
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from wagtail_baucu.text.folding import fold
from wagtail_baucu.text.slugs import vietnamese_slugify

AGENCY_CODE_PATTERN = re.compile(r"^[A-ZĐ][A-ZĐ0-9]{1,19}$")


def validate_agency_code(value: str) -> None:
    """Agency codes are the capital abbreviations used in document symbols (``UBBC``, ``STTTT``)."""
    if not AGENCY_CODE_PATTERN.match(value or ""):
        raise ValidationError(
            _(
                "An agency code is 2 to 20 capital letters or digits, starting with a letter, "
                "without spaces or accents other than Đ, e.g. STTTT or UBBC."
            ),
            code="invalid_agency_code",
        )


class Agency(index.Indexed, models.Model):
    """A body that contributes to the portal: shown as "Nguồn tin" on articles, as issuer on
    documents. Its contributors' group and its space in the page tree are attached by the
    agencies' onboarding (``baucu_agency add``)."""

    class Kind(models.TextChoices):
        ELECTION_COMMITTEE = "election_committee", _("Election committee")
        FATHERLAND_FRONT = "fatherland_front", _("Fatherland Front committee")
        PEOPLES_COMMITTEE = "peoples_committee", _("People's committee")
        DEPARTMENT = "department", _("Department")
        DISTRICT_ELECTION_COMMITTEE = (
            "district_election_committee",
            _("District election committee"),
        )
        CENTRAL = "central", _("Central body")
        OTHER = "other", _("Other")

    name = models.CharField(_("full name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        validators=[validate_agency_code],
        help_text=_("Capital abbreviation used in document symbols, e.g. STTTT."),
    )
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices, default=Kind.OTHER)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    is_active = models.BooleanField(
        pgettext_lazy("agency", "active"),
        default=True,
        help_text=_(
            "An inactive agency's contributors lose their rights; its content stays online."
        ),
    )
    # Attached by onboarding: the contributors' group and the agency's space in the page tree.
    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("contributors' group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="baucu_agency",
    )
    section = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        verbose_name=_("space in the page tree"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("code"), FieldPanel("kind")],
            heading=_("Agency"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("address"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("is_active"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.SearchField("code"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def slug(self) -> str:
        """The agency's URL segment, made from its code."""
        return vietnamese_slugify(self.code)

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    def clean(self) -> None:
        if self.code:
            self.code = self.code.strip()


class Category(index.Indexed, models.Model):
    """A news topic ("chuyên mục")."""

    name = models.CharField(pgettext_lazy("category", "name"), max_length=255)
    slug = models.SlugField(
        pgettext_lazy("category", "slug"),
        max_length=255,
        unique=True,
        blank=True,
        help_text=_("Made from the name when left empty."),
    )
    description = models.TextField(pgettext_lazy("category", "description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        # Slugs are made on the server: the admin's JavaScript mangles đ.
        self.slug = (
            vietnamese_slugify(self.slug or self.name) or fold(self.name)[:50] or "chuyen-muc"
        )
        super().save(*args, **kwargs)

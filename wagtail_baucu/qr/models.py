"""The portal's social channels (Facebook page, Zalo official account, YouTube, ...): a site
setting edited in Wagtail's settings menu, shown with a QR code each in the footer and in an
article's reader tools."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="link")
class SocialChannels(ClusterableModel, BaseSiteSetting):
    """The social channels of one site, in the order editors give them."""

    panels = [InlinePanel("channels", label=_("Channels"))]

    class Meta:
        verbose_name = _("social channels")
        verbose_name_plural = _("social channels")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class SocialChannel(Orderable):
    """One channel: a name (``Fanpage Facebook``), its kind and the address its QR code carries."""

    class Kind(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        ZALO = "zalo", "Zalo"
        YOUTUBE = "youtube", "YouTube"
        TIKTOK = "tiktok", "TikTok"
        OTHER = "other", pgettext_lazy("social channel", "Other")

    setting = ParentalKey(SocialChannels, on_delete=models.CASCADE, related_name="channels")
    name = models.CharField(
        pgettext_lazy("social channel", "name"),
        max_length=100,
        help_text=_("E.g. Fanpage Facebook, Zalo OA"),
    )
    kind = models.CharField(
        pgettext_lazy("social channel", "kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text=_("Lets templates show the network's icon."),
    )
    url = models.URLField(_("address"), max_length=500)

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("social channel")
        verbose_name_plural = _("social channels")

    def __str__(self) -> str:
        return self.name

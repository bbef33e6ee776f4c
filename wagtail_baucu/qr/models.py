"""The portal's social channels (Facebook page, Zalo official account, YouTube, ...): a site
setting edited in Wagtail's settings menu, shown in the footer with a QR code each."""

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
    """One channel: a name (``Fanpage Facebook``) and the address its QR code carries."""

    setting = ParentalKey(SocialChannels, on_delete=models.CASCADE, related_name="channels")
    name = models.CharField(
        pgettext_lazy("social channel", "name"),
        max_length=100,
        help_text=_("E.g. Fanpage Facebook, Zalo OA"),
    )
    url = models.URLField(_("address"), max_length=500)

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("social channel")
        verbose_name_plural = _("social channels")

    def __str__(self) -> str:
        return self.name

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaucuQuestionsConfig(AppConfig):
    """Voters' questions: the form's submissions for moderators, the answers as pages (built
    from ``wagtail_baucu.questions.mixins``), and the e-mail to the asker on publication."""

    name = "wagtail_baucu.questions"
    label = "baucu_questions"
    verbose_name = _("Questions from voters")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail_baucu.questions import signals

        signals.connect()

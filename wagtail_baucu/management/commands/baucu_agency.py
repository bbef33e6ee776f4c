"""``manage.py baucu_agency``: onboard agencies and their contributors in one step.

baucu_agency add --code SVHTT --name "Sở Văn hóa và Thể thao" [--kind department] [--portal ID|slug]
baucu_agency add-user SVHTT username
baucu_agency sync
baucu_agency deactivate SVHTT
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wagtail_baucu.agencies.models import Agency
from wagtail_baucu.agencies.onboarding import AgencyOnboarding, OnboardingError


class Command(BaseCommand):
    help = (
        "Onboard an agency (group, space, collection, rights, workflow), add contributors, repair."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="Create or repair an agency and all it needs.")
        add.add_argument("--code", required=True, help="Capital code, e.g. SVHTT.")
        add.add_argument("--name", required=True, help="Full name of the agency.")
        add.add_argument("--short-name", default="", help="Short name shown in lists.")
        add.add_argument("--kind", choices=Agency.Kind.values, help="Kind of agency.")
        add.add_argument("--portal", help="Election portal id or slug (default: the only one).")
        user = actions.add_parser("add-user", help="Add an existing user to an agency.")
        user.add_argument("code")
        user.add_argument("username")
        actions.add_parser("sync", help="Repair the rights of moderators and every agency.")
        deactivate = actions.add_parser(
            "deactivate", help="Take an agency's contributors' rights; its content stays online."
        )
        deactivate.add_argument("code")

    def handle(self, *args, action, **options):
        onboarding = AgencyOnboarding()
        try:
            if action == "add":
                self.add(onboarding, options)
            elif action == "add-user":
                user = onboarding.add_user(options["code"], options["username"])
                self.stdout.write(f"{user.get_username()} → {options['code']}")
            elif action == "sync":
                agencies = onboarding.sync()
                self.stdout.write(
                    _("Rights repaired for the moderators and %(count)d agencies.")
                    % {"count": len(agencies)}
                )
            elif action == "deactivate":
                agency = onboarding.deactivate(options["code"])
                self.stdout.write(
                    _(
                        "%(code)s deactivated: its contributors have lost their rights; "
                        "its published pages stay online."
                    )
                    % {"code": agency.code}
                )
        except OnboardingError as error:
            raise CommandError(str(error)) from error

    def add(self, onboarding: AgencyOnboarding, options: dict) -> None:
        result = onboarding.onboard(
            options["code"],
            options["name"],
            kind=options["kind"],
            short_name=options["short_name"],
            portal=options["portal"],
        )
        names = {"code": result.agency.code, "name": result.agency.name}
        if result.created:
            self.stdout.write(_("%(code)s (%(name)s) created.") % names)
        else:
            self.stdout.write(_("%(code)s (%(name)s) already there, repaired.") % names)
        self.stdout.write(_("  group: %s") % result.group.name)
        self.stdout.write(_("  space: %s") % (result.section.get_url() or result.section.url_path))
        self.stdout.write(_("  collection: %s") % result.collection.name)

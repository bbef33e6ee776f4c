"""``manage.py baucu_portal create``: an election portal, its indexes, its Site and moderation.

baucu_portal create --title "Bầu cử 2026" --election-day 2026-03-15 --hostname 127.0.0.1 \\
    --port 8000 [--slug ...] [--election-name ...] [--new-site] [--remove-home-page]
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wagtail_baucu.portals.creation import PortalError, PortalSpec, create_portal


class Command(BaseCommand):
    help = "Create an election portal with its indexes as a Site's root (idempotent)."
    # The checks would warn about the very Site this command is about to set (W013).
    requires_system_checks = []

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Create or complete an election portal.")
        create.add_argument("--title", required=True, help="The portal's title.")
        create.add_argument("--hostname", required=True, help="The Site's host name.")
        create.add_argument("--port", default="80", help="The Site's port (default 80).")
        create.add_argument("--election-day", help="2026-03-15 or 15/03/2026.")
        create.add_argument("--election-name", default="", help="Default: the title.")
        create.add_argument("--slug", default="", help="Default: the title's slug.")
        create.add_argument(
            "--new-site",
            action="store_true",
            help="Make a new Site at this host and port, not move the default Site there.",
        )
        create.add_argument(
            "--remove-home-page",
            action="store_true",
            help="Delete the project template's home page (kept by default).",
        )

    def handle(self, *args, action, **options):
        spec = PortalSpec(
            title=options["title"],
            hostname=options["hostname"],
            port=options["port"],
            election_day=options["election_day"],
            election_name=options["election_name"],
            slug=options["slug"],
            new_site=options["new_site"],
            remove_home_page=options["remove_home_page"],
        )
        try:
            result = create_portal(spec)
        except PortalError as error:
            raise CommandError(str(error)) from error
        for change in result.changes:
            self.stdout.write(f"  {change}")
        if not result.changed:
            self.stdout.write(_("The portal is already there: nothing changed."))
        self.stdout.write(_("Portal: %s") % result.portal.get_full_url())
        self.stdout.write(_("Admin: %s/admin/") % result.site.root_url)

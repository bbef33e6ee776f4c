"""``manage.py load_demo``: the demo election portal, its content and an admin user."""

from django.core.management.base import BaseCommand

from example_site.demo.content import (
    DEFAULT_ADMIN_PASSWORD,
    DEFAULT_EDITOR_PASSWORD,
    DEMO_EDITORS,
    load_demo,
)


class Command(BaseCommand):
    help = "Load the demo election portal (idempotent: a second run adds nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hostname", help="Site hostname (default: DEMO_HOSTNAME or 127.0.0.1)."
        )
        parser.add_argument("--port", type=int, help="Site port (default: PORT or 8000).")

    def handle(self, *args, hostname=None, port=None, **options):
        result = load_demo(hostname=hostname, port=port)
        if result.changed:
            made = ", ".join(f"{count} {kind}" for kind, count in sorted(result.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {made}."))
        else:
            self.stdout.write("Demo content already loaded: nothing changed.")
        site = result.site
        base = f"http://{site.hostname}" + ("" if site.port == 80 else f":{site.port}")
        self.stdout.write(f"Portal: {base}/")
        self.stdout.write(f"Admin:  {base}/admin/")
        if result.admin_password:
            self.stdout.write(
                self.style.WARNING(
                    f"  username: {result.admin_username}\n  password: {result.admin_password}"
                )
            )
        else:
            self.stdout.write(
                f"  username: {result.admin_username}\n  password: unchanged since the first run "
                f"(default {DEFAULT_ADMIN_PASSWORD}; set DEMO_ADMIN_PASSWORD to change it)"
            )
        for username, password, role in result.editors:
            self.stdout.write(self.style.WARNING(f"  {role}: {username} / {password}"))
        if not result.editors:
            self.stdout.write(
                "  editors ("
                + ", ".join(username for username, _code in DEMO_EDITORS)
                + f"): passwords unchanged since the first run (default {DEFAULT_EDITOR_PASSWORD})"
            )

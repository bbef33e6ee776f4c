"""``manage.py baucu_propose_milestones [--election ID] [--law 2015|2025]``."""

from django.core.management.base import BaseCommand, CommandError

from wagtail_baucu.elections.milestones import LAWS
from wagtail_baucu.elections.models import Election
from wagtail_baucu.elections.timeline.proposals import fill_timeline


class Command(BaseCommand):
    help = "Đề xuất các mốc thời gian theo Luật Bầu cử cho cuộc bầu cử chưa có mốc nào."

    def add_arguments(self, parser):
        parser.add_argument("--election", type=int, help="Mã cuộc bầu cử, khi có nhiều cuộc.")
        parser.add_argument(
            "--law",
            choices=sorted(LAWS),
            help="2015: Luật số 85/2015/QH13; 2025: sửa đổi bởi Luật số 83/2025/QH15 "
            "(mặc định: luật có hiệu lực vào ngày bầu cử).",
        )

    def handle(self, *args, election, law, **options):
        elections = (
            Election.objects.all() if election is None else Election.objects.filter(pk=election)
        )
        found = list(elections[:2])
        if len(found) != 1:
            raise CommandError("Hãy chọn cuộc bầu cử bằng --election <mã>.")
        added = fill_timeline(found[0], law)
        if added:
            self.stdout.write(f"Đã thêm {added} mốc thời gian. Hãy rà soát trong trang quản trị.")
        else:
            self.stdout.write("Cuộc bầu cử đã có mốc thời gian: không thay đổi gì.")

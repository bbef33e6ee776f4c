"""``manage.py baucu_import units|candidates <file> [--dry-run] [--publish] [--election ID]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wagtail_baucu.elections.imports import (
    KINDS,
    ImportError_,
    apply_plan,
    plan_import,
    template_dataset,
)
from wagtail_baucu.elections.models import Election


class Command(BaseCommand):
    help = "Nhập danh sách đơn vị bầu cử hoặc người ứng cử từ tệp CSV hoặc XLSX."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument("file", help="Tệp .csv hoặc .xlsx (với --template: tệp mẫu sẽ ghi).")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ xem trước, không ghi.")
        parser.add_argument("--publish", action="store_true", help="Xuất bản ngay (Ban biên tập).")
        parser.add_argument("--election", type=int, help="Mã cuộc bầu cử, khi có nhiều cuộc.")
        parser.add_argument("--template", action="store_true", help="Ghi tệp mẫu rồi dừng.")

    def handle(self, *args, kind, file, dry_run, publish, election, template, **options):
        path = Path(file)
        if template:
            dataset = template_dataset(kind)
            if path.suffix.lower() == ".xlsx":
                path.write_bytes(dataset.export("xlsx"))
            else:
                path.write_text(dataset.export("csv"), encoding="utf-8-sig")
            self.stdout.write(f"Đã ghi tệp mẫu {path}.")
            return
        chosen = self.election(election)
        try:
            plan = plan_import(kind, path.read_bytes(), path.name, chosen)
        except OSError as error:
            raise CommandError(f"Không mở được tệp {path}: {error.strerror}.") from error
        except ImportError_ as error:
            raise CommandError(str(error)) from error
        for row in plan.rows:
            self.stdout.write(row.describe())
        self.stdout.write(plan.summary())
        if plan.refused:
            raise CommandError("Tệp có dòng bị từ chối: không thay đổi gì. Hãy sửa rồi nhập lại.")
        if dry_run:
            self.stdout.write("Xem trước: chưa ghi gì.")
            return
        apply_plan(plan, chosen, publish=publish)
        self.stdout.write("Đã nhập." + ("" if publish else " Các trang chờ Ban biên tập duyệt."))

    def election(self, pk):
        elections = Election.objects.all() if pk is None else Election.objects.filter(pk=pk)
        found = list(elections[:2])
        if len(found) != 1:
            raise CommandError("Hãy chọn cuộc bầu cử bằng --election <mã>.")
        return found[0]

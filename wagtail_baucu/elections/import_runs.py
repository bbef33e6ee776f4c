"""The admin's imports as background tasks: check a stored file, then apply it.

The view stores the uploaded file in an ``ImportRun`` and queues ``check_import``; the
moderator reads the dry run, then ``apply_import`` checks the file again (the site may have
changed since) and applies it through ``apply_plan`` in one transaction. Both run the same
service as ``manage.py baucu_import``. With a deferring backend (``django_tasks_db`` and its
``db_worker``) no request waits for a large file, whatever the server's timeout; the page polls
the progress, which the tasks write to the cache while they work (the database row, inside the
import's transaction, would not show it before the end).
"""

from __future__ import annotations

import logging
from functools import partial

from django.core.cache import cache
from django_tasks import task

from wagtail_baucu.elections.imports import ImportError_, Plan, apply_plan, plan_import
from wagtail_baucu.elections.models import ImportRun, ImportRunStatus

logger = logging.getLogger(__name__)

PROGRESS_KEY = "baucu-import-progress:{}"
PROGRESS_TIMEOUT = 60 * 60


def record_progress(run_id: int, done: int, total: int) -> None:
    cache.set(PROGRESS_KEY.format(run_id), (done, total), PROGRESS_TIMEOUT)


def progress_of(run: ImportRun) -> tuple[int, int]:
    """(rows done, rows in all) of a run at work, or as recorded when it stopped."""
    if run.status in (ImportRunStatus.CHECKING, ImportRunStatus.APPLYING):
        found = cache.get(PROGRESS_KEY.format(run.pk))
        if found is not None:
            return tuple(found)
    return run.done, run.total


def _store_plan(run: ImportRun, plan: Plan) -> None:
    run.rows = [{"line": r.line, "action": r.action, "text": r.describe()} for r in plan.rows]
    run.summary = plan.summary()
    run.done = run.total = len(plan.rows)


def _plan(run: ImportRun) -> Plan | None:
    """The run's file checked again; ``None`` (and the run failed) if the file is refused."""
    try:
        return plan_import(
            run.kind,
            bytes(run.data),
            run.file_name,
            run.election,
            progress=partial(record_progress, run.pk),
        )
    except ImportError_ as error:
        run.status, run.error = ImportRunStatus.FAILED, str(error)
        run.save()
        return None


def check(run: ImportRun) -> None:
    """The dry run of ``run``'s file, stored on the run."""
    plan = _plan(run)
    if plan is None:
        return
    _store_plan(run, plan)
    run.status = ImportRunStatus.CHECKED
    run.save()


def apply(run: ImportRun) -> None:
    """Apply ``run``'s file, all rows or none; a row refused now sends the run back to its
    dry run with the reason."""
    plan = _plan(run)
    if plan is None:
        return
    _store_plan(run, plan)
    if plan.refused:
        run.status = ImportRunStatus.CHECKED
        run.error = "Dữ liệu đã thay đổi từ lần xem trước: có dòng bị từ chối, chưa ghi gì."
        run.save()
        return
    try:
        apply_plan(
            plan,
            run.election,
            publish=run.publish,
            progress=partial(record_progress, run.pk),
            user=run.user,
        )
    except ImportError_ as error:
        run.status, run.error = ImportRunStatus.FAILED, str(error)
    except Exception:  # the transaction was rolled back: say so rather than leave it running
        logger.exception("Import %s failed", run.pk)
        run.status = ImportRunStatus.FAILED
        run.error = "Lỗi khi ghi dữ liệu: không thay đổi gì. Hãy thử lại hoặc báo quản trị."
    else:
        run.status, run.error = ImportRunStatus.APPLIED, ""
    run.save()


@task()
def check_import(run_id: int) -> None:
    """Background task: the dry run of an uploaded file."""
    run = ImportRun.objects.select_related("election").filter(pk=run_id).first()
    if run is not None and run.status == ImportRunStatus.CHECKING:
        check(run)


@task()
def apply_import(run_id: int) -> None:
    """Background task: apply an uploaded file whose dry run was accepted."""
    run = ImportRun.objects.select_related("election", "user").filter(pk=run_id).first()
    if run is not None and run.status == ImportRunStatus.APPLYING:
        apply(run)

"""The admin's import views: upload, dry run with progress, apply, status and template files.

The work is in ``import_runs`` (tasks) over ``imports`` (the service the management command
uses); these views only store the file, queue the tasks and show what the run says.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wagtail_baucu.elections.import_forms import ImportForm, kind_choices
from wagtail_baucu.elections.import_runs import apply_import, check_import, progress_of
from wagtail_baucu.elections.imports import KINDS, OTHER_KINDS, template_dataset
from wagtail_baucu.elections.models import ImportRun, ImportRunStatus

IMPORT_PERMISSION = "baucu_elections.add_importrun"
TEMPLATE_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# Seconds between two reloads of a run at work when the browser runs no JavaScript.
REFRESH_SECONDS = 2


class ImportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ImportHeaderMixin:
    """Breadcrumbs: home, the import's form, and the run when there is one."""

    page_title = _("Import units and candidates")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        form = {"url": reverse("baucu_elections_import:form"), "label": self.page_title}
        run = getattr(self, "run", None)
        items = [form] if run is None else [form, {"url": "", "label": run.file_name}]
        return self.breadcrumbs_items + items

    def get_header_title(self):
        run = getattr(self, "run", None)
        return self.page_title if run is None else run.file_name


def run_url(run: ImportRun, view: str = "run") -> str:
    return reverse(f"baucu_elections_import:{view}", args=(run.pk,))


class ImportFormView(ImportPermissionMixin, ImportHeaderMixin, WagtailAdminTemplateMixin, FormView):
    """Upload: the file is stored and its dry run queued."""

    form_class = ImportForm
    template_name = "wagtail_baucu/elections/admin/import_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        templates = [
            (
                label,
                {
                    fmt: reverse("baucu_elections_import:template", args=(kind, fmt))
                    for fmt in TEMPLATE_TYPES
                },
            )
            for kind, label in kind_choices()
        ]
        return super().get_context_data(
            action_url=reverse("baucu_elections_import:form"),
            submit_button_label=_("Check the file"),
            templates=templates,
            recent=ImportRun.objects.select_related("election").defer("data")[:10],
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        run = ImportRun.objects.create(
            election=data["election"],
            kind=data["kind"],
            file_name=data["file"].name,
            data=form.data_bytes,
            publish=data["publish"],
            user=self.request.user,
        )
        check_import.enqueue(run.pk)
        return redirect(run_url(run))


class ImportRunView(
    ImportPermissionMixin, ImportHeaderMixin, WagtailAdminTemplateMixin, TemplateView
):
    """A run: its progress while it works (reloading itself), then the dry run or the result."""

    template_name = "wagtail_baucu/elections/admin/import_run.html"

    def get_context_data(self, **kwargs):
        run = self.run = get_object_or_404(
            ImportRun.objects.select_related("election"), pk=kwargs["pk"]
        )
        done, total = progress_of(run)
        working = run.status in (ImportRunStatus.CHECKING, ImportRunStatus.APPLYING)
        return super().get_context_data(
            run=run,
            done=done,
            total=total,
            working=working,
            refresh_seconds=REFRESH_SECONDS,
            can_apply=run.status == ImportRunStatus.CHECKED and not run.refused,
            status_url=run_url(run, "status"),
            apply_url=run_url(run, "apply"),
            form_url=reverse("baucu_elections_import:form"),
            kind_label=dict(kind_choices()).get(run.kind, run.kind),
            **kwargs,
        )


class ImportApplyView(ImportPermissionMixin, View):
    """Apply a checked run (POST only); the browser goes back to the run's page."""

    def post(self, request, pk):
        updated = ImportRun.objects.filter(pk=pk, status=ImportRunStatus.CHECKED).update(
            status=ImportRunStatus.APPLYING, error=""
        )
        run = get_object_or_404(ImportRun.objects.defer("data"), pk=pk)
        if updated and run.refused:
            ImportRun.objects.filter(pk=pk).update(status=ImportRunStatus.CHECKED)
        elif updated:
            apply_import.enqueue(run.pk)
        return redirect(run_url(run))


class ImportStatusView(ImportPermissionMixin, View):
    """The progress of a run, for the page's script: a few numbers in JSON."""

    def get(self, request, pk):
        run = get_object_or_404(ImportRun.objects.defer("data"), pk=pk)
        done, total = progress_of(run)
        return JsonResponse(
            {"status": run.status, "done": done, "total": total},
            headers={"Cache-Control": "no-store"},
        )


class ImportTemplateView(ImportPermissionMixin, View):
    """The empty spreadsheet of a kind, as CSV (UTF-8 with a BOM, for Excel) or XLSX."""

    def get(self, request, kind, fmt):
        if kind not in KINDS or fmt not in TEMPLATE_TYPES:
            raise Http404
        dataset = template_dataset(kind)
        body = dataset.export("xlsx") if fmt == "xlsx" else "\ufeff" + dataset.export("csv")
        names = {"units": "mau-don-vi-bau-cu", "candidates": "mau-nguoi-ung-cu"}
        other = OTHER_KINDS.get(kind)
        name = names.get(kind) or (other.template_name if other else "") or f"mau-{kind}"
        return HttpResponse(
            body,
            content_type=TEMPLATE_TYPES[fmt],
            headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
        )

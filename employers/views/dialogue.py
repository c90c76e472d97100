from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.versioning import save_versioned
from core.views import back_url, permitted, visible_or_404

from ..forms.dialogue import DialogueEntryForm, NextStepForm, TimelineFilterForm
from ..models import DialogueEntry, Employer, Task
from ..permissions import may_edit_dialogue_entry, may_log_contacts
from ..selectors.dialogue import dialogue_timeline, employer_for_dialogue, tasks_of
from ..services.dialogue import dialogue_log, dialogue_update, task_complete

TIMELINE_PAGE_SIZE = 20
TASK_PAGE_SIZE = 25


def _employer(request, pk: int) -> Employer:
    return get_object_or_404(employer_for_dialogue(user=request.user, pk=pk))


def dialogue_list(request, pk: int):
    employer = _employer(request, pk)
    filter_form = TimelineFilterForm(request.GET)
    entries = dialogue_timeline(employer=employer, user=request.user, **filter_form.filters())
    page = Paginator(entries, TIMELINE_PAGE_SIZE).get_page(request.GET.get("side"))
    return render(
        request,
        "employers/dialogue/list.html",
        {
            "employer": employer,
            "page": page,
            "filter_form": filter_form,
            "is_filtered": any(request.GET.get(name) for name in ("tema", "kanal")),
            "may_log_contacts": may_log_contacts(request.user),
        },
    )


def dialogue_create(request, pk: int):
    employer = _employer(request, pk)
    data = request.POST if request.method == "POST" else None
    form = DialogueEntryForm(data, employer=employer)
    next_step_form = NextStepForm(data, employer=employer, author=request.user)
    if data is not None and all([form.is_valid(), next_step_form.is_valid()]):
        try:
            dialogue_log(
                employer=employer,
                actor=request.user,
                next_step=next_step_form.next_step(),
                participants=form.cleaned_data.get("participants", ()),
                **_entry_fields(form),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Kontakten med %(name)s er logget.") % {"name": employer.name}
            )
            return redirect("employers:dialogue_list", pk=employer.pk)
    return render(
        request,
        "employers/dialogue/form.html",
        {"employer": employer, "form": form, "next_step_form": next_step_form},
    )


def _entry_fields(form: DialogueEntryForm) -> dict:
    return {
        name: form.cleaned_data[name]
        for name in (
            "occurred_at",
            "channel",
            "topics",
            "others_present",
            "summary",
            "no_sensitive_data_confirmed",
        )
    }


def _entry(request, pk: int) -> DialogueEntry:
    return visible_or_404(
        DialogueEntry,
        request.user,
        pk,
        "employer__fixed_contact__provider",
        "employer__fixed_contact__office",
        "author",
        "author_provider",
    )


def dialogue_edit(request, pk: int):
    entry = permitted(request.user, _entry(request, pk), may_edit_dialogue_entry)
    employer = entry.employer
    data = request.POST if request.method == "POST" else None
    form = DialogueEntryForm(
        data, employer=employer, initial=DialogueEntryForm.initial_from(entry), versioned=entry
    )
    if (
        data is not None
        and form.is_valid()
        and save_versioned(
            form,
            entry,
            lambda version: dialogue_update(
                entry=entry,
                actor=request.user,
                participants=form.cleaned_data.get("participants", ()),
                version=version,
                **_entry_fields(form),
            ),
        )
    ):
        messages.success(request, _("Endringen er lagret. Forrige versjon ligger i historikken."))
        return redirect("employers:dialogue_list", pk=employer.pk)
    return render(
        request,
        "employers/dialogue/form.html",
        {"employer": employer, "form": form, "entry": entry},
    )


def dialogue_history(request, pk: int):
    entry = _entry(request, pk)
    revisions = entry.revisions.select_related("changed_by")
    return render(
        request,
        "employers/dialogue/history.html",
        {"employer": entry.employer, "entry": entry, "revisions": revisions},
    )


def task_list(request):
    show_done = request.GET.get("vis") == "utforte"
    tasks = tasks_of(user=request.user, done=show_done)
    page = Paginator(tasks, TASK_PAGE_SIZE).get_page(request.GET.get("side"))
    return render(
        request,
        "employers/tasks/list.html",
        {"page": page, "show_done": show_done, "today": timezone.localdate()},
    )


@require_POST
def task_mark_done(request, pk: int):
    task = visible_or_404(Task, request.user, pk)
    task_complete(task=task, actor=request.user)
    messages.success(request, _("Oppgaven er merket som utført."))
    return redirect(back_url(request, reverse("employers:task_list")))

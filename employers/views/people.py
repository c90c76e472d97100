from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.versioning import save_versioned

from ..forms.register import EmployerPersonForm
from ..models import Employer, EmployerPerson
from ..permissions import may_manage_people
from ..services import register as services


def _person_for_change(request, pk: int) -> EmployerPerson:
    person = get_object_or_404(
        EmployerPerson.objects.visible_to(request.user).current().select_related("employer"),
        pk=pk,
    )
    if not may_manage_people(request.user, person.employer):
        raise PermissionDenied
    return person


def person_add(request, pk: int):
    employer = get_object_or_404(Employer.objects.visible_to(request.user), pk=pk)
    if not may_manage_people(request.user, employer):
        raise PermissionDenied
    kind = request.GET.get("type")
    initial = {"kind": kind if kind in EmployerPerson.Kind.values else EmployerPerson.Kind.CONTACT}
    form = EmployerPersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        person = services.employer_person_create(
            employer=employer, data=form.cleaned_data, actor=request.user
        )
        messages.success(request, _("%(name)s er lagt til.") % {"name": person.name})
        return redirect("employers:detail", pk=employer.pk)
    return render(request, "employers/person_form.html", {"form": form, "employer": employer})


def person_edit(request, pk: int):
    person = _person_for_change(request, pk)
    form = EmployerPersonForm(request.POST or None, instance=person)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_versioned(
            form,
            person,
            lambda version: services.employer_person_update(
                person=person, data=form.cleaned_data, actor=request.user, version=version
            ),
        )
    ):
        messages.success(request, _("Endringene er lagret."))
        return redirect("employers:detail", pk=person.employer_id)
    context = {"form": form, "employer": person.employer, "person": person}
    return render(request, "employers/person_form.html", context)


def person_delete(request, pk: int):
    """GET asks for confirmation; POST deletes."""
    person = _person_for_change(request, pk)
    if request.method == "POST":
        services.employer_person_delete(person=person, actor=request.user)
        messages.success(request, _("%(name)s er fjernet.") % {"name": person.name})
        return redirect("employers:detail", pk=person.employer_id)
    return render(request, "employers/person_delete.html", {"person": person})

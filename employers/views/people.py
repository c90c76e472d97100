from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.versioning import save_versioned
from core.views import permitted, visible_or_404

from ..forms.register import EmployerPersonForm
from ..models import Employer, EmployerPerson
from ..permissions import may_manage_people
from ..services import register as services


def _person_for_change(request, pk: int) -> EmployerPerson:
    person = get_object_or_404(
        EmployerPerson.objects.visible_to(request.user).current().select_related("employer"),
        pk=pk,
    )
    permitted(request.user, person.employer, may_manage_people)
    return person


def person_add(request, pk: int):
    employer = permitted(
        request.user, visible_or_404(Employer, request.user, pk), may_manage_people
    )
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

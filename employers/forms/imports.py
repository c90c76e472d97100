from django import forms
from django.utils.translation import gettext_lazy as _

from ..imports import ImportFile, ImportFileError, read_import_file


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Fil med virksomheter"),
        help_text=_("CSV (semikolon eller komma) eller Excel (.xlsx), høyst 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self) -> ImportFile:
        uploaded = self.cleaned_data["file"]
        try:
            return read_import_file(uploaded)
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from error

"""The agreement document: the template version's text with this agreement's parties,
commitments and contacts, as sections for the printable page and as a PDF."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from .models import Agreement

# DejaVu (free licence, see static/fonts/DejaVu-LICENSE.txt) ships with the app so æøå render
# on any machine, whatever fonts it has installed.
FONT_DIR = settings.BASE_DIR / "static" / "fonts"


@dataclass(frozen=True)
class DocumentSection:
    heading: str
    text: str


def agreement_parties(agreement: Agreement) -> list[tuple[str, str]]:
    employer = agreement.employer
    deputy = agreement.deputy_contact
    rows = [
        (_("Virksomhet"), f"{employer.name}, org.nr. {employer.orgnr}"),
        (_("Avtalen gjelder"), agreement.title or _("Hele virksomheten")),
        (_("Fylke"), agreement.county.name),
        (_("Ansvarlig hos virksomheten"), agreement.employer_responsible),
        (_("Fast kontaktperson"), _contact_line(agreement.fixed_contact)),
        (_("Stedfortreder"), _contact_line(deputy) if deputy else _("Ikke valgt")),
        (_("Oppfølgingsmøter per år"), str(agreement.follow_ups_per_year)),
    ]
    if agreement.signed_on:
        rows.append((_("Signert"), date_format(agreement.signed_on)))
    return rows


def _contact_line(user) -> str:
    organisation = user.provider.name if user.provider_id else "NAV"
    return f"{user} ({organisation}), {user.email}"


def agreement_sections(agreement: Agreement) -> list[DocumentSection]:
    template = agreement.template
    union = agreement.get_union_involvement_display()
    if agreement.union_involvement_note:
        union = f"{union}. {agreement.union_involvement_note}"
    sections = [
        DocumentSection(_("1. Formål"), template.purpose),
        DocumentSection(_("2. Virksomhetens forpliktelser"), agreement.employer_commitments),
        DocumentSection(_("3. NAVs forpliktelser"), agreement.nav_commitments),
        DocumentSection(_("4. Kontaktpersoner"), template.contact_persons),
        DocumentSection(
            _("5. Involvering av tillitsvalgte"), f"{template.union_involvement}\n\n{union}"
        ),
        DocumentSection(_("6. Varighet og oppfølging"), template.duration),
    ]
    if agreement.local_adaptations:
        sections.append(DocumentSection(_("7. Lokale tilpasninger"), agreement.local_adaptations))
    return sections


def agreement_signatures(agreement: Agreement) -> list[tuple[str, str]]:
    return [
        (_("For virksomheten"), agreement.employer_signatory),
        (_("For NAV"), str(agreement.fixed_contact)),
    ]


def agreement_pdf(agreement: Agreement) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(f"{agreement.template.title} – {agreement.display_name}")
    pdf.set_author("NAV – Vi inkluderer!")
    pdf.set_margins(20, 20, 20)
    pdf.add_font("DejaVu", "", FONT_DIR / "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", FONT_DIR / "DejaVuSans-Bold.ttf")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 18)
    pdf.multi_cell(0, 10, agreement.template.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(
        0,
        5,
        _("Avtalemal versjon %(version)d") % {"version": agreement.template.version},
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)
    for label, value in agreement_parties(agreement):
        pdf.set_font("DejaVu", "B", 10)
        pdf.cell(60, 6, label)
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
    for section in agreement_sections(agreement):
        pdf.ln(4)
        pdf.set_font("DejaVu", "B", 12)
        pdf.multi_cell(0, 7, section.heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(0, 5.5, section.text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    for label, name in agreement_signatures(agreement):
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(0, 6, f"{label}: {name}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(8)
        pdf.multi_cell(
            0, 6, _("Sted, dato og signatur: ") + "_" * 40, new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(6)
    return bytes(pdf.output())

"""The four path models named in the evaluation (chapter 7.2.3 and DOMAIN.md step 8)."""

from django.db import migrations

TEMPLATES = [
    {
        "name": "Stord: stillasbygger",
        "description": (
            "Etter Aker Solutions Stord: NAV plukker ut om lag 20 kandidater, virksomheten "
            "intervjuer og velger 4. Fire uker kurs, åtte uker trening i produksjon, "
            "vurdering for ansettelse med lønnstilskudd etter tre måneder. Planlagt sammen med "
            "de tillitsvalgte."
        ),
        "qualification": "Fagbrev som stillasbygger",
        "places": 4,
        "measures": ["work_training", "mentor", "inclusion_grant", "wage_subsidy"],
        "hire_decision_weeks": 13,
        "hire_terms": "Vurderes for ansettelse med lønnstilskudd etter 3 måneder",
        "union_involved": True,
        "stages": [
            ("course", "Stillaskurs", 4, "school", ""),
            ("work_training", "Trening i produksjon", 8, "employer", ""),
        ],
    },
    {
        "name": "Springbrett",
        "description": (
            "Fire ukers forberedende kurs, deretter arbeidstrening på et helseforetak. "
            "I piloten ble 46 % ansatt."
        ),
        "qualification": "Arbeidserfaring fra helseforetak",
        "places": 8,
        "measures": ["training", "work_training"],
        "hire_decision_weeks": 16,
        "hire_terms": "Vurderes for ansettelse etter arbeidstreningen",
        "union_involved": False,
        "stages": [
            ("preparation", "Forberedende kurs", 4, "provider", ""),
            ("work_training", "Arbeidstrening på helseforetaket", 12, "employer", ""),
        ],
    },
    {
        "name": "Menn i helse",
        "description": (
            "For menn 25–55 år: arbeidstrening i helse- og omsorgstjenesten fram mot "
            "fagbrev som helsefagarbeider."
        ),
        "qualification": "Fagbrev som helsefagarbeider",
        "places": 6,
        "measures": ["work_training", "training", "wage_subsidy"],
        "hire_decision_weeks": 26,
        "hire_terms": "Vurderes for ansettelse med lønnstilskudd når fagbrevet er tatt",
        "union_involved": False,
        "stages": [
            ("work_training", "Arbeidstrening i omsorgstjenesten", 8, "employer", ""),
            ("course", "Helsefagarbeiderkurs", 16, "school", ""),
            ("exam", "Fagprøve", 2, "school", ""),
        ],
    },
    {
        "name": "JobbLoop",
        "description": "Tre unge roterer fire måneder hver gjennom tre virksomheter.",
        "qualification": "Arbeidserfaring fra tre virksomheter",
        "places": 3,
        "measures": ["work_training", "mentor"],
        "hire_decision_weeks": 52,
        "hire_terms": "Vurderes for ansettelse hos en av virksomhetene etter rotasjonen",
        "union_involved": False,
        "stages": [
            ("work_training", "Rotasjon 1", 17, "employer", ""),
            ("work_training", "Rotasjon 2", 17, "employer", ""),
            ("work_training", "Rotasjon 3", 17, "employer", ""),
        ],
    },
]


def load(apps, schema_editor):
    PathTemplate = apps.get_model("competence_paths", "PathTemplate")
    TemplateStage = apps.get_model("competence_paths", "TemplateStage")
    for data in TEMPLATES:
        fields = {k: v for k, v in data.items() if k != "stages"}
        template, created = PathTemplate.objects.get_or_create(
            county=None, name=fields.pop("name"), defaults=fields
        )
        if not created:
            continue
        for order, (kind, title, weeks, deliverer, place) in enumerate(data["stages"], start=1):
            TemplateStage.objects.create(
                template=template,
                order=order,
                kind=kind,
                title=title,
                duration_weeks=weeks,
                deliverer=deliverer,
                place=place,
            )


def unload(apps, schema_editor):
    PathTemplate = apps.get_model("competence_paths", "PathTemplate")
    PathTemplate.objects.filter(county=None, name__in=[t["name"] for t in TEMPLATES]).delete()


class Migration(migrations.Migration):
    dependencies = [("competence_paths", "0001_paths")]
    operations = [migrations.RunPython(load, unload)]

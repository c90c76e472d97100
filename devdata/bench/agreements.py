"""Benchmark scenarios for the agreement pages (see the `bench` command)."""

from agreements.models import Agreement

CONTACT = "contact_person.0.0@skala.no"


def _busiest_agreement_of_contact() -> str:
    agreement = (
        Agreement.objects.filter(fixed_contact__email=CONTACT, status=Agreement.Status.ACTIVE)
        .order_by("pk")
        .first()
    )
    return f"/avtaler/{agreement.pk}/"


SCENARIOS = [
    ("agreements: list (own county)", CONTACT, lambda: "/avtaler/"),
    ("agreements: list (provider staff)", "leverandor.0@skala.no", lambda: "/avtaler/"),
    ("agreements: detail", CONTACT, _busiest_agreement_of_contact),
    ("agreements: my follow-ups", CONTACT, lambda: "/avtaler/mine-oppfolginger/"),
    ("agreements: county list (Oslo)", "prosjektleder.03@skala.no", lambda: "/avtaler/fylket/"),
    (
        "agreements: county list, all",
        "prosjektleder.03@skala.no",
        lambda: "/avtaler/fylket/?vis=alle",
    ),
]

"""Reference data the migrations load: the pilot counties' signing policies and version 1 of
the agreement text (after the project's standard template, evaluation ch. 4 and 7)."""

# County name → policy kind (evaluation §7.2.2).
PILOT_POLICIES = {
    "Oslo": "after_first_hire",
    "Trøndelag": "mutual_commitment",
    "Vestland": "mutual_commitment",
}

TEMPLATE_V1 = {
    "version": 1,
    "title": "Vi inkluderer!-avtale",
    "purpose": (
        "NAV og virksomheten inngår denne intensjonsavtalen for å få flere personer med "
        "redusert arbeidsevne eller hull i CV-en over i lønnet, varig arbeid. Avtalen "
        "forplikter begge parter til et langsiktig og systematisk samarbeid om inkludering. "
        "Formidling av kandidater skal ta utgangspunkt i virksomhetens behov for arbeidskraft."
    ),
    "employer_commitments": (
        "Virksomheten forplikter seg til å\n"
        "- inkludere kandidater fra målgruppen i rekrutteringen sin\n"
        "- melde behov for arbeidskraft til sin faste kontaktperson så tidlig som mulig, "
        "med de reelle kravene til stillingene\n"
        "- ta imot kandidater til arbeidstrening eller arbeidsutprøving når det passer, og "
        "tilrettelegge der det er mulig\n"
        "- delta på oppfølgingsmøter med NAV og involvere tillitsvalgte i samarbeidet"
    ),
    "nav_commitments": (
        "NAV forplikter seg til å\n"
        "- gi virksomheten én fast kontaktperson fra NAV eller fra en av NAVs "
        "tiltaksleverandører, som koordinerer all dialog om inkludering av kandidater\n"
        "- ha løpende kontakt med virksomheten, både i perioder med og uten ansettelsesbehov, "
        "og holde en oppdatert oversikt over rekrutteringsbehovene\n"
        "- søke bredt i hele målgruppen og tilby et utvalg godt matchede og motiverte "
        "kandidater\n"
        "- følge opp virksomheten og kandidaten før, under og etter ansettelse, og gi "
        "informasjon om NAVs virkemidler"
    ),
    "contact_persons": (
        "Den faste kontaktpersonen er virksomhetens ene dør inn til NAV i inkluderingsarbeidet. "
        "Andre i NAV og hos tiltaksleverandørene avklarer med kontaktpersonen før de tar "
        "kontakt med virksomheten. Ved fravær tar stedfortrederen over."
    ),
    "union_involvement": (
        "Tillitsvalgte bør involveres i samarbeidet, blant annet ved å delta på "
        "oppfølgingsmøtene, slik at inkluderingsarbeidet er forankret i hele virksomheten."
    ),
    "duration": (
        "Avtalen gjelder fra den er signert og inntil en av partene avslutter den. Partene "
        "møtes til oppfølgingsmøter to til fire ganger i året for å vurdere samarbeidet og "
        "kartlegge kommende rekrutteringsbehov. Kontaktpersonen kaller inn til møtene."
    ),
}


def load_policies(County, CountySigningPolicy) -> None:
    for name, kind in PILOT_POLICIES.items():
        county = County.objects.filter(name=name).first()
        if county is not None:
            CountySigningPolicy.objects.update_or_create(county=county, defaults={"kind": kind})


def load_template(AgreementTemplate) -> None:
    AgreementTemplate.objects.get_or_create(version=TEMPLATE_V1["version"], defaults=TEMPLATE_V1)

"""The dashboard's tables, built from the figures dictionary: one list of rows per figure, shown
as a chart and a data table on the page and downloaded as CSV or XLSX. Table 7-1 cells with
fewer than five people read "<5" for everyone but administrators."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from agreements.models.agreement import EndReason
from employers.models import Employer

SUPPRESS_BELOW = 5
# Long tables (a national list of contact persons or providers) show their biggest rows on the
# page; the downloads have every row.
PAGE_ROWS = 25
SUPPRESSED = "<5"
POPULATIONS = {
    "before_signing_2y": _("Ansatt de to årene før første signering"),
    "after_signing": _("Ansatt etter første signering"),
    "all": _("Alle ansettelser i perioden"),
}
TABLE_7_1_ROWS = [
    ("n", _("Antall kandidater")),
    ("female_pct", _("Andel kvinner (%)")),
    ("education:primary_pct", _("Utdanning: grunnskole (%)")),
    ("education:upper_secondary_pct", _("Utdanning: videregående (%)")),
    ("education:higher_pct", _("Utdanning: høyere (%)")),
    ("education:unknown_pct", _("Utdanning: ukjent (%)")),
    ("immigrant_pct", _("Andel innvandrere (%)")),
    ("birth_region:norway_pct", _("Fødeland: Norge (%)")),
    ("birth_region:western_europe_pct", _("Fødeland: Vest-Europa (%)")),
    ("birth_region:eastern_europe_pct", _("Fødeland: Øst-Europa (%)")),
    ("birth_region:non_western_pct", _("Fødeland: ikke-vestlig (%)")),
    ("innsatsgruppe:standard_pct", _("Standard innsats (%)")),
    ("innsatsgruppe:situation_dependent_pct", _("Situasjonsbestemt innsats (%)")),
    ("innsatsgruppe:specially_adapted_pct", _("Spesielt tilpasset innsats (%)")),
    ("innsatsgruppe:other_pct", _("Annet, også varig tilpasset (%)")),
]
AGE_COLUMNS = {"All": _("Alle"), "18-24": "18–24", "25-29": "25–29", "30-49": "30–49", "50+": "50+"}


def _short(label: str, length: int = 28) -> str:
    """A bar's label cut to fit beside the bar, as `truncatechars` does for plain text (its
    HTML-aware version took a tenth of the national page's rendering)."""
    return label if len(label) <= length else label[: length - 1] + "…"


@dataclass
class Table:
    key: str
    title: str
    definition: str
    columns: list
    rows: list = field(default_factory=list)  # [label, value, value, ...]
    chart: bool = True
    long: bool = False  # sorted by the first value column, the page shows PAGE_ROWS of them

    def __post_init__(self):
        if self.long:
            self.rows.sort(key=lambda row: -row[1])

    @property
    def shown_rows(self) -> list:
        return self.rows[:PAGE_ROWS] if self.long else self.rows

    @property
    def hidden_rows(self) -> int:
        return len(self.rows) - len(self.shown_rows)

    @property
    def bars(self) -> list[dict]:
        """The first value column as horizontal bars, widths in percent of the largest."""
        rows = self.shown_rows
        values = [r[1] if isinstance(r[1], int | float) else 0 for r in rows]
        top = max(values, default=0) or 1
        return [
            {
                "label": _short(str(r[0])),
                "value": r[1],
                "width": f"{100 * v / top:.1f}",
                "y": i * 28,
            }
            for i, (r, v) in enumerate(zip(rows, values, strict=True))
        ]

    @property
    def chart_height(self) -> int:
        return max(len(self.shown_rows), 1) * 28


def _agreement_tables(f: dict) -> list[Table]:
    a = f["agreements"]
    counties = sorted({*a["per_county"], *a["employers_in_dialogue"], *a["capacity_per_county"]})
    sectors = dict(Employer.Sector.choices)
    reasons = dict(EndReason.choices)
    return [
        Table(
            "agreements_summary",
            _("Avtaler i perioden"),
            _(
                "Signerte avtaler er avtaler med signert dato i perioden. En virksomhet kan ha "
                "flere avtaler, så avtaler og virksomheter telles hver for seg. Tid til første "
                "ansettelse er medianen av dager fra virksomhetens første signering til første "
                "ansettelse på eller etter den datoen."
            ),
            [_("Tall"), _("Antall")],
            [
                [_("Signerte avtaler"), a["signed"]],
                [_("Virksomheter med signert avtale"), a["employers"]],
                [_("Offentlige virksomheter med signert avtale"), a["public"]],
                [_("Ansettelser etter signering per avtale"), a["hires_per_agreement"]],
                [
                    _("Dager fra avtale til første ansettelse (median)"),
                    a["median_days_agreement_to_first_hire"]
                    if a["median_days_agreement_to_first_hire"] is not None
                    else "–",
                ],
            ],
            chart=False,
        ),
        Table(
            "agreements_per_quarter",
            _("Signerte avtaler per kvartal"),
            _("Antall avtaler etter kvartalet de ble signert i."),
            [_("Kvartal"), _("Avtaler")],
            [[q, n] for q, n in a["per_quarter"].items()],
        ),
        Table(
            "agreements_per_county",
            _("Avtaler per fylke"),
            _(
                "Signerte avtaler i perioden; virksomheter i dialog har en avtale i dialog og "
                "ingen signert. Kontaktpersoner er faste kontaktpersoner på avtaler som gjelder "
                "nå; avtaler per kontaktperson viser kapasiteten."
            ),
            [
                _("Fylke"),
                _("Signerte avtaler"),
                _("Virksomheter i dialog"),
                _("Kontaktpersoner med avtale"),
                _("Avtaler per kontaktperson"),
            ],
            [
                [
                    c,
                    a["per_county"].get(c, 0),
                    a["employers_in_dialogue"].get(c, 0),
                    a["capacity_per_county"].get(c, {}).get("contact_persons", 0),
                    a["capacity_per_county"].get(c, {}).get("agreements_per_contact", 0),
                ]
                for c in counties
            ],
        ),
        Table(
            "agreements_per_industry",
            _("Virksomheter med signert avtale etter næring"),
            _("Hovednæring (SN2007-bokstav) for virksomheter med avtale signert i perioden."),
            [_("Næring"), _("Virksomheter")],
            [[code, n] for code, n in a["employers_per_industry"].items()],
        ),
        Table(
            "agreements_per_sector",
            _("Signerte avtaler etter sektor"),
            _("Offentlig eller privat sektor for virksomheten avtalen gjelder."),
            [_("Sektor"), _("Avtaler")],
            [[str(sectors.get(k, k)), n] for k, n in a["per_sector"].items()],
        ),
        Table(
            "agreements_ended",
            _("Avsluttede avtaler og hvorfor"),
            _("Avtaler med sluttdato i perioden, etter årsak."),
            [_("Årsak"), _("Avtaler")],
            [[str(reasons.get(k, k)), n] for k, n in a["ended_by_reason"].items()],
        ),
    ]


def _follow_up_tables(f: dict) -> list[Table]:
    u = f["follow_up"]
    definition = _(
        "Planlagte møter har planlagt dato i perioden; holdte møter har holdt dato i perioden."
    )
    return [
        Table(
            "follow_up_per_county",
            _("Oppfølgingsmøter per fylke"),
            definition
            + " "
            + _(
                "Aktive avtaler signert for minst seks måneder siden og uten holdt møte på seks "
                "måneder: %(n)s."
            )
            % {"n": u["active_without_meeting_6m"]},
            [_("Fylke"), _("Holdt"), _("Planlagt")],
            [[c, v["held"], v["planned"]] for c, v in u["per_county"].items()],
        ),
        Table(
            "follow_up_per_contact",
            _("Oppfølgingsmøter per kontaktperson"),
            definition,
            [_("Kontaktperson"), _("Holdt"), _("Planlagt")],
            [[c or _("(ingen)"), v["held"], v["planned"]] for c, v in u["per_contact"].items()],
            long=True,
        ),
    ]


def _funnel_table(f: dict) -> Table:
    n = f["funnel"]
    rows = [
        ("openings", _("Stillinger registrert")),
        ("proposals", _("Forslag på kandidatlister")),
        ("proposed_by_adviser", _("– foreslått av NAV-veileder")),
        ("proposed_by_provider", _("– foreslått av tiltaksleverandør")),
        ("own_search", _("– fra kontaktpersonens eget søk")),
        ("consent_asked", _("Samtykke spurt")),
        ("consent_given", _("Samtykke gitt")),
        ("consent_declined", _("Samtykke avslått")),
        ("consent_expired", _("Samtykke utløpt")),
        ("presented", _("Presentert (også de som ble ansatt)")),
        ("presented_under_30", _("– under 30 år")),
        ("presented_not_standard", _("– ikke standard innsats")),
        ("interview", _("Intervju")),
        ("work_trial", _("Arbeidsutprøving")),
        ("hired", _("Ansatt")),
        ("hired_under_30", _("– under 30 år")),
        ("hired_not_standard", _("– ikke standard innsats")),
    ]
    return Table(
        "funnel",
        _("Rekrutteringstrakt"),
        _(
            "Forslag er kandidater lagt på en kandidatliste i perioden. Stegene teller hver "
            "kandidat på hver kandidatliste én gang, på det siste steget kandidaten ble flyttet "
            "til i perioden (slik NAVs rekrutteringsstatistikk teller). En ansatt kandidat "
            "telles også som presentert. Under 30 år gjelder alderen på periodens siste dag (i dag "
            "hvis perioden ikke er slutt). Samtykker telles "
            "etter dagen de ble spurt."
        ),
        [_("Steg"), _("Antall")],
        [[label, n[key]] for key, label in rows],
    )


def _hire_table(f: dict) -> Table:
    h = f["hires"]
    return Table(
        "hires",
        _("Ansettelser hos avtalevirksomheter"),
        _(
            "Ansettelser med startdato i perioden, før og etter virksomhetens første signerte "
            "avtale. «To år før» er fra signeringsdatoen minus to år og fram til signeringen."
        ),
        [_("Ansettelser"), _("Antall")],
        [
            [_("Alle"), h["all"]],
            [_("De to årene før første signering"), h["before_first_signing_2y"]],
            [_("Før første signering (alle)"), h["before_first_signing"]],
            [_("Etter første signering"), h["after_first_signing"]],
            [_("Virksomheter som ansatte etter signering"), h["employers_hiring_after_signing"]],
            [_("Hos virksomheter uten signert avtale"), h["at_employers_without_signing"]],
        ],
    )


def _cell(value, count, *, suppress: bool):
    return SUPPRESSED if suppress and 0 < count < SUPPRESS_BELOW else value


def table_7_1(f: dict, population: str, *, suppress: bool) -> Table:
    data = f["table_7_1"][population]
    rows = []
    for key, label in TABLE_7_1_ROWS:
        row = [label]
        for column in AGE_COLUMNS:
            cell = data[column]
            count = cell["n"] if key == "n" else cell["counts"][key]
            row.append(_cell(cell[key], count, suppress=suppress))
        rows.append(row)
    return Table(
        "table_7_1",
        _("Kjennetegn ved ansatte kandidater (som evalueringens tabell 7-1)"),
        _(
            "%(population)s. Alder på ansettelsesdagen. Prosent av kandidatene i kolonnen, "
            "avrundet til hele tall. Innvandrer etter registerets opplysning. Fødeland: "
            "regionen som er valgt for kandidaten (i pilotens regneark eller i "
            "kandidatregisteret). Er ingen region valgt, brukes SSBs landgruppe: EU/EØS, "
            "Storbritannia, USA, Canada, Australia og New Zealand telles som Vest-Europa og resten "
            "av verden som ikke-vestlig, så Øst-Europa telles bare der regionen er valgt. Varig "
            "tilpasset innsats telles som annet, som i evalueringen. Celler med færre enn fem "
            "personer vises som «<5»."
        )
        % {"population": POPULATIONS[population]},
        [_("Kjennetegn"), *AGE_COLUMNS.values()],
        rows,
        chart=False,
    )


def _provider_tables(f: dict) -> list[Table]:
    return [
        Table(
            "providers_per_county",
            _("Tiltaksleverandører per fylke"),
            _(
                "Hvor mange leverandører som har foreslått kandidater på kandidatlister i "
                "perioden, per fylke (fylket til virksomheten med stillingen), med antall forslag "
                "og hvor mange av dem som ble ansatt."
            ),
            [_("Fylke"), _("Leverandører"), _("Forslag"), _("Ansatt")],
            [
                [
                    county,
                    len(providers),
                    sum(v["proposals"] for v in providers.values()),
                    sum(v["hires"] for v in providers.values()),
                ]
                for county, providers in f["providers"].items()
            ],
        ),
        _provider_table(f),
    ]


def _provider_table(f: dict) -> Table:
    return Table(
        "providers",
        _("Tiltaksleverandører"),
        _(
            "Leverandører som har foreslått kandidater på kandidatlister i perioden, per fylke, "
            "med antall forslag og hvor mange av dem som ble ansatt."
        ),
        [_("Fylke og leverandør"), _("Forslag"), _("Ansatt")],
        [
            [f"{county}: {name}", v["proposals"], v["hires"]]
            for county, providers in f["providers"].items()
            for name, v in providers.items()
        ],
        long=True,
    )


PATH_DEFINITION = _(
    "Kompetansehevende løp med oppstartsdag i perioden. Startet er løp som pågår eller er "
    "fullført; avlyste løp telles for seg. Deltakere er de som deltok (deltar, fullførte eller "
    "avbrøt), ansatt er de av dem som ble ansatt. Varighet er dager fra oppstart til siste "
    "trinn slutter, median over de startede løpene."
)


def _days(value) -> float | str:
    return "–" if value is None else round(value, 1)


def _path_tables(f: dict) -> list[Table]:
    p = f["paths"]
    return [
        Table(
            "paths",
            _("Kompetansehevende løp"),
            PATH_DEFINITION,
            [_("Tall"), _("Antall")],
            [
                [_("Startet"), p["started"]],
                [_("Pågår nå"), p["running"]],
                [_("Fullført"), p["completed"]],
                [_("Avlyst"), p["cancelled"]],
                [_("Deltakere"), p["participants"]],
                [_("Deltakere ansatt"), p["hired"]],
                [_("Varighet i dager (median)"), _days(p["median_days"])],
            ],
            chart=False,
        ),
        Table(
            "paths_per_county",
            _("Kompetansehevende løp per fylke"),
            PATH_DEFINITION,
            [
                _("Fylke"),
                _("Startet"),
                _("Pågår nå"),
                _("Fullført"),
                _("Deltakere"),
                _("Ansatt"),
                _("Varighet i dager (median)"),
            ],
            [
                [
                    county,
                    v["started"],
                    v["running"],
                    v["completed"],
                    v["participants"],
                    v["hired"],
                    _days(v["median_days"]),
                ]
                for county, v in p["per_county"].items()
            ],
        ),
    ]


def dashboard_tables(f: dict, *, population: str, suppress: bool) -> list[Table]:
    return [
        *_agreement_tables(f),
        *_follow_up_tables(f),
        _funnel_table(f),
        _hire_table(f),
        table_7_1(f, population, suppress=suppress),
        *_path_tables(f),
        *_provider_tables(f),
    ]

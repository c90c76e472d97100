"""The path's timeline as numbers for a server-rendered SVG (no JavaScript, fits the CSP):
one bar per stage, then one row per participant coloured by their progress in each stage."""

import datetime
from dataclasses import dataclass, field

WIDTH = 1000
LABEL_WIDTH = 220
ROW_HEIGHT = 28
BAR_HEIGHT = 18


@dataclass
class Bar:
    x: float
    width: float
    css: str
    label: str
    state: str = ""


@dataclass
class Row:
    label: str
    y: int
    bars: list[Bar] = field(default_factory=list)

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT - 4


@dataclass
class Timeline:
    rows: list[Row]
    height: int
    today_x: float | None
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def build(path, stages, participants, progress_by_pair, today: datetime.date) -> Timeline:
    """`progress_by_pair`: {(participant id, stage id): StageProgress}, loaded in one query."""
    start, end = path.planned_start, path.ends_on + datetime.timedelta(days=1)
    days = max((end - start).days, 1)
    scale = (WIDTH - LABEL_WIDTH) / days

    def x_of(day: datetime.date) -> float:
        return round(LABEL_WIDTH + (day - start).days * scale, 1)

    def stage_bar(stage, css: str, label: str, state: str = "") -> Bar:
        x = x_of(stage.starts_on)
        width = round(x_of(stage.ends_on + datetime.timedelta(days=1)) - x - 2, 1)
        return Bar(x=x, width=max(width, 1), css=css, label=label, state=state)

    rows = [
        Row(
            label=str(path._meta.verbose_name).capitalize(),
            y=0,
            bars=[stage_bar(s, f"timeline-stage timeline-{s.kind}", s.title) for s in stages],
        )
    ]
    for index, participant in enumerate(participants, start=1):
        row = Row(label=str(participant.candidate), y=index * ROW_HEIGHT)
        for stage in stages:
            progress = progress_by_pair.get((participant.pk, stage.pk))
            state = progress.state if progress else "none"
            state_label = progress.get_state_display() if progress else "–"
            row.bars.append(
                stage_bar(
                    stage,
                    f"timeline-progress timeline-{state}",
                    f"{stage.title}: {state_label}",
                    state_label,
                )
            )
        rows.append(row)
    today_x = x_of(today) if start <= today < end else None
    return Timeline(rows=rows, height=len(rows) * ROW_HEIGHT, today_x=today_x)

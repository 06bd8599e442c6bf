"""Rich tables of a ``CoverageReport`` for ``reflect content coverage``.

Kept out of core: the report is data, this is one way to show it. Ids come
from trainers' files, so every cell is a ``Text`` (never markup) and passed
through ``printable`` first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reflect_tui.core.content.errors import printable
from reflect_tui.core.content.model import LSD_STEP_IDS
from reflect_tui.core.trainer.coverage import (
    EXAMPLES_ENOUGH,
    FEW_EXAMPLES_ADVICE,
    CoverageReport,
)


def _cell(value: object) -> Text:
    return Text(printable(str(value)))


def _count_cell(n: int) -> Text:
    """Zero stands out in words, not only in colour (NO_COLOR, screen readers)."""
    return Text("0 (leeg)", style="bold red") if n == 0 else Text(str(n))


def _counts_table(
    title: str, label: str, counts: Mapping[str, int], zero_is_gap: bool = True
) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(label)
    table.add_column("aantal", justify="right")
    for key, n in counts.items():
        table.add_row(_cell(key), _count_cell(n) if zero_is_gap else Text(str(n)))
    return table


def print_coverage(report: CoverageReport, out: TextIO) -> None:
    """Every part of the report, tables first, findings after."""
    console = Console(file=out, highlight=False, soft_wrap=False, width=100)
    grid = Table(title="Vragen per werkpraktijk en LSD-stap", title_justify="left")
    grid.add_column("werkpraktijk")
    for step in LSD_STEP_IDS:
        grid.add_column(step, justify="right")
    for practice, steps in report.prompts_by_practice_step.items():
        grid.add_row(_cell(practice), *(_count_cell(steps[s]) for s in LSD_STEP_IDS))
    console.print(grid)
    console.print(
        _counts_table(
            "Vragen alleen voor een soort casus",
            "soort casus",
            report.prompts_by_case_kind,
            zero_is_gap=False,
        )
    )
    console.print(_counts_table("Tips per werkpraktijk", "werkpraktijk", report.tips_by_practice))
    console.print(_counts_table("Tips per hindernis", "wat hindert", report.tips_by_barrier))
    console.print(_counts_table("Tips per hulpbron", "wat helpt", report.tips_by_help))
    console.print(_counts_table("Tips per soort casus", "soort casus", report.tips_by_case_kind))
    examples = Table(title="Voorbeeldverhalen per tip", title_justify="left")
    examples.add_column("tip")
    examples.add_column("als eerste tip", justify="right")
    examples.add_column("in totaal", justify="right")
    for tip, count in report.examples_by_tip.items():
        examples.add_row(_cell(tip), Text(str(count.first)), _count_cell(count.total))
    console.print(examples)

    def findings(title: str, lines: list[str], empty: str) -> None:
        console.print(Text(title, style="bold"))
        for line in lines or [empty]:
            console.print(Text(f"  {printable(line)}"))
        console.print()

    findings(
        "Tips die de coach nooit in de top 5 zet (ook niet met hun eigen trefwoorden)",
        list(report.unreachable_tips),
        "geen: elke tip kan bovenaan komen",
    )
    findings(
        "Trefwoorden die veel tips delen (die onderscheiden weinig)",
        [f"{k} ({len(ids)} tips): {', '.join(ids)}" for k, ids in report.shared_keywords.items()],
        "geen",
    )
    findings(
        "Bijna dezelfde teksten",
        [f"{d.first} ~ {d.second} ({round(d.ratio * 100)}%)" for d in report.near_duplicates],
        "geen",
    )
    findings(
        "Vragen die uitgaan van een bijeenkomst of voorstel, zonder soort casus",
        list(report.event_prompts_without_kinds),
        "geen",
    )
    findings("Gaten (nul vragen of tips)", list(report.gaps), "geen")
    few = [f"{tip} ({report.examples_by_tip[tip].total})" for tip in report.tips_with_few_examples]
    findings(
        f"Tips met minder dan {EXAMPLES_ENOUGH} voorbeeldverhalen",
        [*few, FEW_EXAMPLES_ADVICE] if few else [],
        "geen: elke tip heeft genoeg voorbeelden",
    )

"""``reflect content check|show|init|coverage|schema``: the trainer's tools for the YAML content.

Why ``check`` stacks a given folder or file on the built-in content: a
trainer's ``tips.yaml`` refers to practices defined in the built-in
``framework.yaml``; checked alone, every reference would look unknown.
Nothing here imports Textual, so these commands start fast.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect_tui.core.os_messages import os_reason
from reflect_tui.core.safe_text import clean_line
from reflect_tui.core.wording import counted

if TYPE_CHECKING:
    from reflect_tui.cli.context import CliContext
    from reflect_tui.core.content.model import Content

# Dutch names of the collections, for people rather than programs.
LABELS: dict[str, str] = {
    "practices": "werkpraktijken",
    "principles": "werkprincipes",
    "lsd_steps": "LSD-stappen",
    "activities": "activiteiten",
    "barriers": "wat hindert",
    "helps": "wat helpt",
    "case_kinds": "soorten casus",
    "prompts": "vragen",
    "tips": "tips",
    "learning_suggestions": "leersuggesties",
    "intervision_methods": "intervisiemethodes",
    "sets": "vragensets",
}


def register(sub: argparse._SubParsersAction[Any]) -> argparse._SubParsersAction[Any]:
    """Add ``content check|show|init|coverage|schema``; returns the actions for ``preview``."""
    content = sub.add_parser("content", help="inhoud (YAML) controleren of bekijken")
    actions: argparse._SubParsersAction[Any] = content.add_subparsers(
        dest="content_command", metavar="ACTIE", required=True
    )
    check = actions.add_parser(
        "check",
        help="controleer inhoudsmappen of -bestanden (zonder PAD: alle lagen)",
        description=(
            "Controleer YAML-inhoud. Een opgegeven map of bestand wordt bovenop de "
            "ingebouwde inhoud gecontroleerd; zonder PAD alle lagen."
        ),
    )
    check.add_argument("paths", nargs="*", metavar="PAD", help="inhoudsmap of .yaml-bestand")
    check.set_defaults(handler=run_check)
    show = actions.add_parser("show", help="toon de samengevoegde inhoud")
    show.add_argument("--json", action="store_true", help="als JSON (machineleesbaar)")
    show.set_defaults(handler=run_show)
    init = actions.add_parser(
        "init",
        help="begin een organisatielaag met voorbeelden",
        description=(
            "Maak een map met voorbeeldbestanden (een tip, een vraag, een intervisiemethode, "
            "een vervangen en een uitgezette ingebouwde tip, en in examples/ een "
            "voorbeeldverhaal voor de coach), met uitleg in het commentaar."
        ),
    )
    init.add_argument("dir", metavar="MAP", help="de nieuwe inhoudsmap")
    init.set_defaults(handler=run_init)
    cover = actions.add_parser(
        "coverage",
        help="wat de inhoud dekt en waar hij dun is",
        description=(
            "Vragen per werkpraktijk en LSD-stap, tips per praktijk, hindernis, hulpbron en "
            "soort casus; tips die de coach nooit in de top 5 zet; gedeelde trefwoorden; "
            "bijna-dubbele teksten; voorbeeldverhalen per tip. Een opgegeven map komt bovenop "
            "de ingebouwde inhoud."
        ),
    )
    cover.add_argument("paths", nargs="*", metavar="PAD", help="inhoudsmap of .yaml-bestand")
    cover.add_argument("--json", action="store_true", help="als JSON (machineleesbaar)")
    cover.set_defaults(handler=run_coverage)
    schema = actions.add_parser(
        "schema",
        help="JSON Schema van de inhoudsbestanden, voor je editor",
        description=(
            "Schrijf een JSON Schema waarmee editors YAML-inhoud aanvullen en controleren. "
            "Met --examples: het schema van de voorbeeldverhalen (examples/*.yaml)."
        ),
    )
    schema.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand")
    schema.add_argument(
        "--examples",
        action="store_true",
        help="het schema van de voorbeeldverhalen (examples/*.yaml) in plaats van de inhoud",
    )
    schema.set_defaults(handler=run_schema)
    return actions


def summary(content: Content) -> str:
    """Counts per collection, in words: ``5 werkpraktijken, 4 werkprincipes, ...``."""
    from reflect_tui.core.content.export import content_counts

    return ", ".join(f"{n} {LABELS[name]}" for name, n in content_counts(content).items())


def _layer_paths(args: argparse.Namespace, ctx: CliContext) -> list[Path]:
    """The given paths (stacked on the built-in layer), or every layer the app would read."""
    from reflect_tui.core.paths import content_layer_dirs

    if args.paths:
        return [Path(p).expanduser() for p in args.paths]
    return content_layer_dirs(ctx.locations, ctx.content_dirs, ctx.env)


def run_check(args: argparse.Namespace, ctx: CliContext) -> int:
    """Exit 0 with a one-line summary, or 1 with every error on stderr."""
    from reflect_tui.core.content.loader import check_layers

    result = check_layers(_layer_paths(args, ctx))
    if result.errors:
        for error in result.errors:
            print(error, file=ctx.stderr)
        n = len(result.errors)
        print(f"{counted(n, 'fout', 'fouten')} gevonden in de inhoud", file=ctx.stderr)
        return 1
    print(
        f"OK: inhoud is geldig ({summary(result.content)}; versie {result.content.version})",
        file=ctx.stdout,
    )
    return 0


def run_show(args: argparse.Namespace, ctx: CliContext) -> int:
    """The merged content as a readable Dutch overview, or as the JSON contract."""
    from reflect_tui.core.content.export import content_to_json

    content = ctx.load_content()
    if args.json:
        from reflect_tui.core.journal.interchange import dumps

        text = dumps(content_to_json(content))
        print(text, file=ctx.stdout)
        return 0
    print(render_overview(content), file=ctx.stdout)
    return 0


def run_init(args: argparse.Namespace, ctx: CliContext) -> int:
    """Write the example layer, then say how to check and use it."""
    from reflect_tui.core.content.scaffold import init_layer

    target = Path(args.dir).expanduser()
    written = init_layer(target)
    for path in written:
        print(f"geschreven: {path}", file=ctx.stdout)
    print(
        f"Controleer met: reflect content check {target}\n"
        f"Probeer uit met: reflect --content {target}",
        file=ctx.stdout,
    )
    return 0


def _stack(args: argparse.Namespace, ctx: CliContext) -> Content:
    """The content to report on: given paths on the built-in layer, else all layers.

    Broken content is refused with the check's own errors: a coverage map of
    content the app would skip would mislead the trainer.
    """
    from reflect_tui.core.content.loader import check_layers
    from reflect_tui.core.errors import ReflectError

    result = check_layers(_layer_paths(args, ctx))
    if result.errors:
        for error in result.errors:
            print(error, file=ctx.stderr)
        raise ReflectError("de inhoud heeft fouten; los ze eerst op (zie hierboven)")
    return result.content


def run_coverage(args: argparse.Namespace, ctx: CliContext) -> int:
    """The coverage map as Rich tables, or as JSON."""
    from reflect_tui.core.trainer.coverage import coverage

    report = coverage(_stack(args, ctx))
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2), file=ctx.stdout)
        return 0
    from reflect_tui.cli.coverage_view import print_coverage

    print_coverage(report, ctx.stdout)
    return 0


def run_schema(args: argparse.Namespace, ctx: CliContext) -> int:
    """The JSON Schema, with the ids of the current content as suggestions."""
    from reflect_tui.core.content.schema import content_schema, examples_schema

    make = examples_schema if args.examples else content_schema
    text = json.dumps(make(ctx.load_content()), ensure_ascii=False, indent=2)
    if not args.output:
        print(text, file=ctx.stdout)
        return 0
    from reflect_tui.core.errors import ReflectError

    target = Path(args.output).expanduser()
    try:
        target.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        raise ReflectError(f"kan {target} niet schrijven: {os_reason(exc)}") from exc
    print(f"geschreven: {target}", file=ctx.stdout)
    return 0


def render_overview(content: Content) -> str:
    """A plain-text overview: counts, then every item with its name or text."""
    lines = [
        f"Inhoud versie {content.version}",
        f"Lagen: {clean_line(', '.join(_layer_names(content.layers))) or '(geen)'}",
        f"Totaal: {summary(content)}",
    ]
    for name, label in LABELS.items():
        items = getattr(content, name)
        lines.append("")
        lines.append(f"{label[:1].upper()}{label[1:]} ({len(items)})")
        for item in items:
            lines.append(f"  {clean_line(item.id)}: {_describe(name, item)}")
    return "\n".join(lines)


def _layer_names(layers: tuple[str, ...]) -> list[str]:
    """The built-in layer by name, the others by absolute path.

    The built-in folder's path (inside a venv's site-packages, or the
    checkout's ``content/``) says nothing to a trainer; it is not theirs.
    """
    from reflect_tui.core.content.loader import is_builtin_layer

    return ["ingebouwde inhoud" if is_builtin_layer(layer) else layer for layer in layers]


def _describe(collection: str, item: object) -> str:
    if collection == "prompts":
        where = getattr(item, "step", "")
        practice = getattr(item, "practice", None)
        if practice:
            where = f"{practice}/{where}"
        return f"[{where}] {_one_line(getattr(item, 'text', ''))}"
    if collection == "intervision_methods":
        from reflect_tui.core.content.model import IntervisionMethod
        from reflect_tui.core.intervision.runner import method_shape

        if isinstance(item, IntervisionMethod):
            shape = method_shape(item)
            rounds = counted(shape.rounds, "ronde", "rondes")
            minutes = counted(shape.minutes, "minuut", "minuten")
            return f"{item.name} ({rounds}, {minutes})"
    title = getattr(item, "name", None) or getattr(item, "title", "")
    return _one_line(str(title))


def _one_line(text: str, width: int = 90) -> str:
    text = clean_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


__all__ = [
    "register",
    "render_overview",
    "run_check",
    "run_coverage",
    "run_init",
    "run_schema",
    "run_show",
    "summary",
]

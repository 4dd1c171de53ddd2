"""The `augview` command line: a thin layer over the core.

    augview                         start the window on the bundled sample photo
    augview IMAGE [--preset P]      start the window on an image (and a preset)
    augview ops [--json]            list the op catalog
    augview render --preset P --image I [--variants N] [--seed S] --output grid.png
    augview validate P [P ...]      check presets: exit 0 if all are valid
    augview apply --preset P --input DIR --output DIR [--variants N] [--seed S] [--workers K]
                  [--format png|jpg|same] [--overwrite] [--annotations auto|COCO.json]
                  [--annotation-format yolo,coco,voc,masks]
                                    augment a folder (exit 1 if any file failed, 130 on Ctrl+C)
    augview export --to albumentations|torchvision|python P [-o FILE] [--skip-unsupported]
    augview import PIPELINE.json|yaml -o preset.json      an albumentations pipeline as a preset

Every error is one line on stderr, with no traceback, and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import textwrap
from pathlib import Path

from augview.errors import AugviewError, PresetError

COMMANDS = ("ops", "render", "validate", "apply", "export", "import")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="augview",
        description="See what an image augmentation pipeline does. Without a command, opens the window.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ops = sub.add_parser("ops", help="list every op with its parameters, ranges and description")
    ops.add_argument("--json", action="store_true", help="machine-readable output")
    ops.add_argument("--category", help="only this category")

    render = sub.add_parser("render", help="save an 'original + N variants' grid as an image")
    render.add_argument("--preset", required=True, help="preset JSON file, or a shipped preset's name")
    render.add_argument("--image", required=True, help="image file")
    render.add_argument("--variants", type=int, default=3, help="number of variants (default 3)")
    render.add_argument("--seed", type=int, default=None, help="base seed (default: the preset's seed)")
    render.add_argument("--cell", type=int, default=384, help="cell size in pixels (default 384)")
    render.add_argument("--output", "-o", required=True, help="output image (.png or .jpg)")

    validate = sub.add_parser("validate", help="check presets; one line per problem")
    validate.add_argument("presets", nargs="+", help="preset JSON files")

    apply = sub.add_parser(
        "apply", help="augment every image of a folder into another folder (resumable)",
        description="Mirror INPUT into OUTPUT with N augmented variants per image, named "
                    "<source name>.augNN.<ext>. Deterministic per file, resumable (existing outputs "
                    "are skipped), atomic writes; writes OUTPUT/augview-manifest.jsonl.")
    apply.add_argument("--preset", required=True, help="preset JSON file, or a shipped preset's name")
    apply.add_argument("--input", required=True, help="folder of images (walked recursively)")
    apply.add_argument("--output", "-o", required=True, help="folder for the outputs (outside --input)")
    apply.add_argument("--variants", type=int, default=1, help="variants per image (default 1, at most 100)")
    apply.add_argument("--seed", type=int, default=None, help="base seed (default: the preset's seed)")
    apply.add_argument("--workers", type=int, default=None, help="processes (default: every core)")
    apply.add_argument("--format", choices=("png", "jpg", "same"), default="png",
                       help="output format (default png; same: the source's, png if it cannot be written)")
    apply.add_argument("--overwrite", action="store_true", help="replace existing outputs")
    apply.add_argument("--annotations", metavar="auto|FILE",
                       help="augment each image's annotations with it and write them for every output in "
                            "their format: auto finds them beside the images (YOLO labels/, VOC .xml, "
                            "masks/, COCO files in INPUT); FILE: a COCO JSON")
    apply.add_argument("--annotation-format", metavar="FORMATS",
                       help="only these annotation formats, comma-separated: yolo, coco, voc, masks "
                            "(default: all; implies --annotations auto)")

    export = sub.add_parser("export", help="a preset as albumentations JSON, torchvision or augview code")
    export.add_argument("--to", required=True, choices=("albumentations", "torchvision", "python"))
    export.add_argument("preset", help="preset JSON file")
    export.add_argument("--output", "-o", help="file to write (default: standard output)")
    export.add_argument("--skip-unsupported", action="store_true",
                        help="leave out ops without a counterpart (listed on stderr) instead of failing")

    imported = sub.add_parser("import", help="an albumentations pipeline (JSON or YAML) as a preset")
    imported.add_argument("pipeline", help="albumentations pipeline file (A.save output)")
    imported.add_argument("--output", "-o", required=True, help="preset JSON file to write")
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="augview", description="Open the augview window.")
    parser.add_argument("image", nargs="?", help="image to open (default: the bundled sample)")
    parser.add_argument("--preset", help="preset to open")
    return parser


def main(argv: list[str] | None = None, open_window=None) -> int:
    """Run one command line. ``open_window(image, preset)`` starts the window when no command is
    given; `augview.launcher` passes it in, so this layer never imports the window."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
            args = build_parser().parse_args(argv)
            resolve_presets(args)
            commands = {"ops": cmd_ops, "render": cmd_render, "validate": cmd_validate, "apply": cmd_apply,
                        "export": cmd_export, "import": cmd_import}
            return commands[args.command](args)
        check_not_a_typo(argv)
        args = build_gui_parser().parse_args(argv)
        resolve_presets(args)
        return cmd_gui(args, open_window)
    except PresetError as err:
        for line in err.lines():
            print(f"augview: {line}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`augview ops | head`): not an error; keep Python from complaining.
        sys.stdout = open(os.devnull, "w")
        return 0
    except OSError as err:
        where = f"{err.filename}: " if err.filename else ""
        print(f"augview: {where}{err.strerror or err}", file=sys.stderr)
        return 1
    except (AugviewError, ValueError) as err:
        print(f"augview: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("augview: interrupted", file=sys.stderr)
        return 130


def resolve_presets(args) -> None:
    """Preset arguments may name a shipped preset (``--preset light_classification``)."""
    from augview.core.paths import resolve_preset

    if getattr(args, "preset", None):
        args.preset = resolve_preset(args.preset)
    if getattr(args, "presets", None):
        args.presets = [resolve_preset(value) for value in args.presets]


def check_not_a_typo(argv: list[str]) -> None:
    """`augview opps` should not open the window on an image called "opps"."""
    first = argv[0] if argv else ""
    if first and not first.startswith("-") and not os.path.exists(first):
        close = difflib.get_close_matches(first, COMMANDS, n=1, cutoff=0.6)
        if close or "." not in first:
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise AugviewError(f"unknown command or missing file {first!r}{hint}; "
                               f"commands: {', '.join(COMMANDS)}")


def cmd_ops(args) -> int:
    from augview.core.registry import CATALOG

    ops = [op for op in CATALOG.values() if not args.category or op.category == args.category]
    if args.category and not ops:
        raise ValueError(f"no op has category {args.category!r}")
    if args.json:
        data = [{"name": op.name, "category": op.category, "description": op.description,
                 "params": [spec.describe() for spec in op.params]} for op in ops]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    from augview.core.registry import CATEGORIES

    for category in [c for c in CATEGORIES if any(op.category == c for op in ops)]:
        print(f"== {category}")
        for op in (o for o in ops if o.category == category):
            print(f"{op.name}")
            print(textwrap.fill(op.description, 96, initial_indent="    ", subsequent_indent="    "))
            for spec in op.params:
                print(f"    - {format_spec(spec)}")
        print()
    return 0


def format_spec(spec) -> str:
    text = _format_kind(spec)
    if spec.help:
        text += f" — {spec.help}"
    if spec.when is not None:
        switch, values = spec.when
        text += f" (only when {switch} is {' or '.join(values)})"
    return text


def _format_kind(spec) -> str:
    unit = spec.unit
    if spec.kind == "range":
        low, high = spec.default
        return f"{spec.name}: range, default [{low}, {high}]{unit} within [{spec.min}, {spec.max}]"
    if spec.kind in ("float", "int"):
        return f"{spec.name}: {spec.kind}, default {spec.default}{unit} within [{spec.min}, {spec.max}]"
    if spec.kind == "choice":
        return f"{spec.name}: one of {', '.join(spec.choices)}; default {spec.default}"
    return f"{spec.name}: true/false, default {str(spec.default).lower()}"


def cmd_render(args) -> int:
    from augview.analysis.grid import render_grid
    from augview.core.imageio import load_image, save_image
    from augview.pipeline.pipeline import MAX_SEED, Pipeline

    if not 1 <= args.variants <= 63:
        raise ValueError(f"--variants must be between 1 and 63, got {args.variants}")
    if not 32 <= args.cell <= 2048:
        raise ValueError(f"--cell must be between 32 and 2048, got {args.cell}")
    pipeline = Pipeline.load(args.preset)
    image = load_image(args.image)
    seed = pipeline.seed if args.seed is None else args.seed
    if not 0 <= seed <= MAX_SEED - (args.variants - 1):
        raise ValueError(f"--seed must be between 0 and {MAX_SEED - (args.variants - 1)} "
                         f"(variant i uses seed + i), got {seed}")
    title = f"{pipeline.name or Path(args.preset).stem} on {Path(args.image).name}"
    grid = render_grid(pipeline, image, args.variants, seed, cell=args.cell, title=title)
    try:
        save_image(args.output, grid)
    except OSError as err:
        raise OSError(f"{args.output}: cannot write ({err.strerror or err})") from None
    print(f"wrote {args.output} ({args.variants} variants, seed {seed})")
    return 0


def cmd_validate(args) -> int:
    from augview.pipeline.pipeline import Pipeline

    failed = 0
    for path in args.presets:
        try:
            pipeline = Pipeline.load(path)
        except PresetError as err:
            failed += 1
            for line in err.lines():
                print(line)
        else:
            print(f"{path}: ok ({len(pipeline.steps)} steps)")
    return 1 if failed else 0


def cmd_apply(args) -> int:
    from augview.batch.run import run_apply
    from augview.pipeline.pipeline import Pipeline

    pipeline = Pipeline.load(args.preset)
    annotations = None
    if args.annotations or args.annotation_format:
        from augview.batch.annotated import ANNOTATION_FORMATS, AnnotationOptions

        formats = (tuple(f.strip() for f in args.annotation_format.split(",") if f.strip())
                   if args.annotation_format else ANNOTATION_FORMATS)
        annotations = AnnotationOptions(args.annotations or "auto", formats)
    summary = run_apply(pipeline, args.input, args.output, variants=args.variants, seed=args.seed,
                        workers=args.workers, fmt=args.format, overwrite=args.overwrite,
                        annotations=annotations)
    print(summary.line())
    return summary.exit_code


def cmd_export(args) -> int:
    from augview import interop
    from augview.core.atomic import atomic_write_bytes
    from augview.pipeline.pipeline import Pipeline

    pipeline = Pipeline.load(args.preset)
    if args.to == "albumentations":
        data, notes = interop.to_albumentations(pipeline, skip_unsupported=args.skip_unsupported)
        text = json.dumps(data, indent=2) + "\n"
    elif args.to == "torchvision":
        text, notes = interop.to_torchvision_code(pipeline)
        left_out = [note for note in notes if note.endswith("left out")]
        if left_out and not args.skip_unsupported:
            raise AugviewError(f"{len(left_out)} step(s) have no torchvision counterpart: "
                               + "; ".join(left_out) + " (--skip-unsupported leaves them out)")
    else:
        text, notes = interop.to_python_code(args.preset), []
    text = text if text.endswith("\n") else text + "\n"
    for note in notes:
        print(f"augview: {note}", file=sys.stderr)
    if args.output:
        atomic_write_bytes(args.output, text.encode("utf-8"))
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_import(args) -> int:
    from augview import interop

    pipeline, notes = interop.from_albumentations(interop.load_albumentations_file(args.pipeline), args.pipeline)
    for note in notes:
        print(f"augview: {note}", file=sys.stderr)
    pipeline.save(args.output)
    print(f"wrote {args.output} ({len(pipeline.steps)} steps)")
    return 0


def cmd_gui(args, open_window) -> int:
    if open_window is None:
        raise AugviewError("the window is started by the `augview` command (augview.launcher), "
                           "not by augview.cli")
    if (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("QT_QPA_PLATFORM")):
        raise AugviewError("no display to open the window on (DISPLAY is not set); the ops, render, "
                           "validate, apply, export and import commands work without one")
    try:
        return open_window(image=args.image, preset=args.preset)
    except ImportError as err:
        raise AugviewError(f"the window cannot start: {err}") from None


if __name__ == "__main__":
    sys.exit(main())

"""The `augview` command line: a thin layer over the core.

    augview                         start the window on the bundled sample photo
    augview IMAGE [--preset P] [--annotations A]   start the window on an image (a preset, annotations)
    augview ops [--json]            list the op catalog
    augview render --preset P --image I [--variants N] [--seed S] [--annotations auto|A] --output grid.png
    augview validate P [P ...]      check presets: exit 0 if all are valid
    augview apply --preset P --input DIR --output DIR [--variants N] [--seed S] [--workers K]
                  [--format png|jpg|same] [--overwrite] [--engine local|ray [--ray-address A]]
                  [--annotations auto|COCO.json] [--annotation-format yolo,coco,voc,masks]
                                    augment a folder (exit 1 if any file failed, 130 on Ctrl+C)
    augview export --to albumentations|torchvision|python P [-o FILE] [--skip-unsupported]
                   [--box-format F] [--label-fields A,B] [--keypoint-format xy|xyas] [--keypoint-label-fields C]
    augview import PIPELINE.json|yaml|py -o preset.json   an albumentations pipeline as a preset
    augview tta --size 224 [--mode ten_crop|five_crop|flips|center] [--resize 256] --image I -o grid.png
    augview tta --size 224 --mode ten_crop --to torchvision [-o tta.py]
                                    test-time views: the crop boxes and the crops, or their code

Every error is one line on stderr, with no traceback, and a non-zero exit code.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
import textwrap
import warnings
from pathlib import Path

from augview.cli_parser import COMMANDS, build_gui_parser, build_parser
from augview.errors import AugviewError, OptionError, PresetError
from augview.core.atomic import is_stream
from augview.text import count, printable

def main(argv: list[str] | None = None, open_window=None) -> int:
    """Run one command line. ``open_window(image, preset)`` starts the window when no command is
    given; `augview.launcher` passes it in, so this layer never imports the window."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version")):
            args = build_parser().parse_args(argv)
            resolve_presets(args)
            commands = {"ops": cmd_ops, "render": cmd_render, "validate": cmd_validate, "apply": cmd_apply,
                        "export": cmd_export, "import": cmd_import, "tta": cmd_tta}
            return commands[args.command](args)
        check_not_a_typo(argv)
        args = build_gui_parser().parse_args(argv)
        resolve_presets(args)
        return cmd_gui(args, open_window)
    except PresetError as err:
        for line in err.lines():
            tell(f"augview: {line}")
        return 1
    except StdoutClosed:
        return 0  # the reader went away (`augview ops | head`): not an error
    except AugviewError as err:
        tell(f"augview: {err}")
        return 1
    except OSError as err:
        if err.filename is None:
            raise  # not a problem with a file the user named: a bug, shown with its traceback
        tell(f"augview: {err.filename}: {err.strerror or err}")
        return 1
    except MemoryError:
        # Not a bug: an image (or a grid, or a pipeline's intermediate) larger than this machine
        # can hold. Nothing half-written stays behind: every file is written whole or not at all.
        print("augview: not enough memory to finish (a smaller image, fewer variants or a smaller "
              "--cell need less)", file=sys.stderr)
        return 1
    except KeyboardInterrupt as err:
        print("augview: interrupted", file=sys.stderr)
        return getattr(err, "exit_code", 130)  # 143 for SIGTERM (`augview.batch.run`)


def refuse_overwriting(output, given, what: str) -> None:
    """OptionError when ``output`` is the file ``given`` (the same file under any name): writing
    it would replace the user's input, with nothing to get it back."""
    if not output or not given:
        return
    try:
        same = os.path.samefile(output, given)
    except OSError:  # one of them does not exist (yet): not the same file
        same = False
    if same:
        raise OptionError(f"{output} is the {what} {given}: writing it would replace it; choose another output file")


def tell(text: str) -> None:
    """One line for the person on standard error, control characters escaped (a file name may
    hold a newline or a terminal escape)."""
    print(printable(text), file=sys.stderr)


def wrote(output: str, text: str) -> None:
    """The line that says a file was written: on standard output, unless the file itself went
    there (``-o /dev/stdout``, a pipe), where the line would land inside its bytes."""
    (tell if is_stream(output) else say)(printable(text))


class StdoutClosed(Exception):
    """The program reading augview's standard output went away (a closed pipe)."""


def say(text: str = "") -> None:
    """Print one piece of the command's output on standard output.

    Only a closed pipe here is a reader that went away; a BrokenPipeError from anywhere else
    (worker processes, their pipes) is a real error, reported as such."""
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # Standard output now leads nowhere, so Python's final flush has nothing to complain about.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise StdoutClosed() from None
    except OSError as err:  # e.g. `> /dev/full`
        raise OSError(err.errno, err.strerror, "<standard output>") from None


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
    from augview.core.registry import CATALOG, op_order

    ops = [CATALOG[name] for name in op_order() if not args.category or CATALOG[name].category == args.category]
    if args.category and not ops:
        raise AugviewError(f"no op has category {args.category!r}")
    if args.json:
        data = [{"name": op.name, "category": op.category, "description": op.description,
                 "params": [spec.describe() for spec in op.params]} for op in ops]
        say(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    category = None
    for op in ops:
        if op.category != category:
            if category is not None:
                say()  # a blank line between categories
            category = op.category
            say(f"== {category}")
        say(f"{op.name}")
        say(textwrap.fill(op.description, 96, initial_indent="    ", subsequent_indent="    "))
        for spec in op.params:
            say(f"    - {format_spec(spec)}")
    say()
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
        raise AugviewError(f"--variants must be between 1 and 63, got {args.variants}")
    if not 32 <= args.cell <= 2048:
        raise AugviewError(f"--cell must be between 32 and 2048, got {args.cell}")
    refuse_overwriting(args.output, args.image, "image")
    refuse_overwriting(args.output, args.preset, "preset")
    pipeline = Pipeline.load(args.preset)
    with warnings.catch_warnings():
        # Pillow warns between its pixel limit and twice it, where augview still reads the image
        # (it refuses beyond, with one sentence): two lines of noise for an image that is fine.
        warnings.filterwarnings("ignore", message="Image size .* could be decompression bomb")
        image = load_image(args.image)
    if args.seed is not None and not 0 <= args.seed <= MAX_SEED:
        raise AugviewError(f"--seed must be between 0 and {MAX_SEED}, got {args.seed}")
    seed = pipeline.seed if args.seed is None else args.seed  # variant i: seed + i, wrapping to 0
    title = f"{pipeline.name or Path(args.preset).stem} on {Path(args.image).name}"
    shown = None
    if args.annotations:
        from augview.analysis.overlays import prepare
        from augview.annotations import find_annotations

        height, width = image.shape[:2]
        found = find_annotations(args.image, None if args.annotations == "auto" else args.annotations,
                                 size=(width, height))
        if found is None:
            raise AugviewError(f"{args.image}: no annotations found beside it")
        shown = prepare(found)
    grid = render_grid(pipeline, image, args.variants, seed, cell=args.cell, title=title, shown=shown)
    try:
        save_image(args.output, grid)
    except OSError as err:
        raise AugviewError(f"{args.output}: cannot write ({err.strerror or err})") from None
    wrote(args.output, f"wrote {args.output} ({count(args.variants, '{n} variant', '{n} variants')}, seed {seed})")
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
                say(printable(line))  # a file name can hold a terminal escape
        else:
            say(printable(f"{path}: ok ({count(len(pipeline.steps), '{n} step', '{n} steps')})"))
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
    if args.engine == "ray":
        if annotations is not None:
            raise OptionError("--annotations works with the local engine only, for now")
        summary = apply_with_ray(pipeline, args)
    else:
        if args.ray_address:
            raise OptionError("--ray-address needs --engine ray")
        for folder in (args.input, args.output):
            if "://" in folder:
                raise OptionError(f"{folder}: URIs need --engine ray (pip install \"ray[data]>=2.51\")")
        summary = run_apply(pipeline, args.input, args.output, variants=args.variants, seed=args.seed,
                            workers=args.workers, fmt=args.format, overwrite=args.overwrite,
                            annotations=annotations)
    try:
        say(summary.line())
    except StdoutClosed:
        pass  # nobody reads the summary; the exit code still tells how the run went
    return summary.exit_code


def apply_with_ray(pipeline, args):
    try:
        from augview.batch.ray_engine import apply_on_ray
    except ImportError as err:
        if (err.name or "").split(".")[0] not in ("ray", "pyarrow"):
            raise
        raise AugviewError(f"--engine ray needs Ray Data: pip install \"ray[data]>=2.51\" ({err})") from None
    return apply_on_ray(pipeline, args.input, args.output, variants=args.variants, seed=args.seed,
                        workers=args.workers, fmt=args.format, overwrite=args.overwrite,
                        address=args.ray_address)


def cmd_export(args) -> int:
    from augview import interop
    from augview.core.atomic import atomic_write_bytes
    from augview.pipeline.pipeline import Pipeline

    refuse_overwriting(args.output, args.preset, "preset")
    pipeline = Pipeline.load(args.preset)
    try:
        if args.to == "albumentations":
            data, notes = interop.to_albumentations(
                pipeline, skip_unsupported=args.skip_unsupported, box_format=args.box_format,
                label_fields=[n.strip() for n in args.label_fields.split(",") if n.strip()],
                keypoint_format=args.keypoint_format,
                keypoint_label_fields=[n.strip() for n in args.keypoint_label_fields.split(",") if n.strip()])
            text = json.dumps(data, indent=2) + "\n"
        elif args.to == "torchvision":
            text, notes = interop.to_torchvision_code(pipeline, skip_unsupported=args.skip_unsupported)
        else:
            text, notes = interop.to_python_code(args.preset), []
    except interop.Unexportable as err:  # nothing written: the steps, and how to go on without them
        raise AugviewError(f"{args.preset}: {err.listing()}; --skip-unsupported leaves them out") from None
    text = text if text.endswith("\n") else text + "\n"
    for note in notes:
        tell(f"augview: {note}")
    if args.output:
        atomic_write_bytes(args.output, text.encode("utf-8"))
        tell(f"wrote {args.output}")
    else:
        say(text[:-1])  # (text ends with a newline)
    return 0


def cmd_import(args) -> int:
    from augview import interop

    refuse_overwriting(args.output, args.pipeline, "pipeline file")
    opened = interop.open_pipeline_file(args.pipeline)
    if not opened.imported:
        tell(f"augview: {args.pipeline} is already an augview preset; written as it is")
    for note in opened.notes:
        tell(f"augview: {note}")
    if args.output == "-":  # standard output, as the help says (a file named "-" was made)
        from augview.pipeline.presets import encode_preset

        sys.stdout.buffer.write(encode_preset(opened.pipeline.to_dict()))
        return 0
    opened.pipeline.save(args.output)
    tail = f", training tail of {len(opened.pipeline.training_tail)}" if opened.pipeline.training_tail else ""
    wrote(args.output, f"wrote {args.output} ({count(len(opened.pipeline.steps), '{n} step', '{n} steps')}{tail})")
    return 0


def parse_size(text: str | None):
    """``224`` -> 224, ``224x192`` -> (224, 192) (height x width), None -> None."""
    if text is None:
        return None
    parts = text.lower().replace(",", "x").split("x")
    if len(parts) not in (1, 2) or not all(part.strip().isdigit() for part in parts):
        raise OptionError(f"--size must be one side (224) or HEIGHTxWIDTH (224x192), got {text!r}")
    numbers = [int(part) for part in parts]
    if not all(1 <= number <= 8192 for number in numbers):  # also for torchvision code, which never sees an image
        raise OptionError(f"--size: each side must be from 1 to 8192 pixels, got {text!r}")
    return numbers[0] if len(numbers) == 1 else (numbers[0], numbers[1])


def cmd_tta(args) -> int:
    from augview import tta
    from augview.core.atomic import atomic_write_bytes

    size = parse_size(args.size)
    if not 0 <= args.resize <= 8192:
        raise OptionError(f"--resize must be between 0 (no resize) and 8192, got {args.resize}")
    if args.to == "torchvision":
        code = tta.torchvision_code(size, args.mode, args.vertical_flip, resize=args.resize or None)
        if args.output:
            atomic_write_bytes(args.output, code.encode("utf-8"))
            tell(f"wrote {args.output}")
        else:
            sys.stdout.write(code)
        return 0
    if not args.image or not args.output:
        raise OptionError("the grid needs --image and --output (or use --to torchvision)")
    if not 32 <= args.cell <= 2048:
        raise OptionError(f"--cell must be between 32 and 2048, got {args.cell}")
    from augview.analysis.grid import compose_grid
    from augview.core.imageio import load_image, save_image

    refuse_overwriting(args.output, args.image, "image")
    image = load_image(args.image)
    if args.resize:
        image = tta.resize_shorter(image, args.resize)
    views = tta.views(image.shape, size, args.mode, args.vertical_flip)
    images = [tta.draw_views(image, views)] + [tta.crop(image, view) for view in views]
    titles = ["views on the image"] + [f"#{i + 1} {view.name}: {view.width}x{view.height}px at ({view.x}, {view.y})"
                                       for i, view in enumerate(views)]
    size_text = f"{views[0].width}x{views[0].height}"  # width x height, as the views' titles
    grid = compose_grid(images, titles, cell=args.cell, columns=6 if len(images) > 6 else None,
                        title=f"{args.mode} {size_text} of {Path(args.image).name}")
    try:
        save_image(args.output, grid)
    except OSError as err:  # one sentence naming the file, as `render` says it
        raise AugviewError(f"{args.output}: cannot write ({err.strerror or err})") from None
    wrote(args.output, f"wrote {args.output} ({count(len(views), '{n} view', '{n} views')} of {size_text})")
    return 0


def cmd_gui(args, open_window) -> int:
    if open_window is None:
        raise AugviewError("the window is started by the `augview` command (augview.launcher), "
                           "not by augview.cli")
    if (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("QT_QPA_PLATFORM")):
        raise AugviewError("no display to open the window on (DISPLAY is not set); the ops, render, "
                           "validate, apply, export, import and tta commands work without one")
    if args.annotations and not os.path.isfile(args.annotations):
        raise AugviewError(f"{args.annotations}: no such file")
    # Passed on only when given, so a window opener without annotations keeps working.
    extra = {"annotations": args.annotations} if args.annotations else {}
    try:
        return open_window(image=args.image, preset=args.preset, **extra)
    except ImportError as err:
        raise AugviewError(f"the window cannot start: {err}") from None


if __name__ == "__main__":
    sys.exit(main())

"""The `augview` command line's arguments: the parser of its commands (`build_parser`) and of
the window's start (`build_gui_parser`). What each command does is `augview.cli`'s.
"""

from __future__ import annotations

import argparse

COMMANDS = ("ops", "render", "validate", "apply", "export", "import", "tta")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="augview",
        usage="augview [IMAGE | SESSION.augview] [--preset P] [--annotations auto|FILE]\n"
              "       augview COMMAND [options]",
        description="See what an image augmentation pipeline does. `augview [IMAGE] [--preset P]` opens the "
                    "window on IMAGE (default: the bundled sample photo) with the preset P (a JSON file or a "
                    "shipped preset's name; default: the last one opened), and the image's boxes, masks and "
                    "keypoints (--annotations; `augview IMAGE --help` says more); a saved .augview session "
                    "opens as it was. A COMMAND works without a window.",
    )
    add_version(parser)
    # prog: each command's usage starts "augview render", not the two-line usage above.
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="augview")

    ops = sub.add_parser("ops", help="list every op with its parameters, ranges and description")
    ops.add_argument("--json", action="store_true", help="machine-readable output")
    ops.add_argument("--category", help="only this category")

    render = sub.add_parser("render", help="save an 'original + N variants' grid as an image")
    render.add_argument("--preset", required=True, help="preset JSON file, or a shipped preset's name")
    render.add_argument("--image", required=True, help="image file")
    render.add_argument("--variants", type=int, default=3, help="number of variants (default 3)")
    render.add_argument("--seed", type=int, default=None, help="base seed (default: the preset's seed)")
    render.add_argument("--cell", type=int, default=384, help="cell size in pixels (default 384)")
    render.add_argument("--output", "-o", required=True, help="output image: .png, .jpg, .bmp, .tif or .webp "
                        "(/dev/stdout: a PNG on standard output)")
    render.add_argument("--annotations", metavar="auto|FILE",
                        help="draw the image's boxes, mask and keypoints over every cell: auto finds them "
                             "beside the image (YOLO labels/, VOC .xml, masks/, a COCO file); FILE: a COCO "
                             "JSON, YOLO .txt, VOC .xml or mask .png")

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
    apply.add_argument("--workers", type=int, default=None,
                       help="processes (default: every core); with --engine ray: tasks at a time "
                            "(default: the cluster's CPUs)")
    apply.add_argument("--format", choices=("png", "jpg", "same"), default="png",
                       help="output format (default png; same: the source's, png if it cannot be written)")
    apply.add_argument("--overwrite", action="store_true", help="replace existing outputs")
    apply.add_argument("--engine", choices=("local", "ray"), default="local",
                       help="local: this machine's processes (default); ray: Ray Data, on a cluster or a "
                            "local Ray instance, same files (pip install \"ray[data]>=2.51\"); --input and "
                            "--output may then be URIs (s3://, gs://, file://)")
    apply.add_argument("--ray-address", default=None,
                       help="the Ray cluster for --engine ray (default: RAY_ADDRESS; neither: a local instance)")
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
    export.add_argument("--box-format", default="pascal_voc", choices=("pascal_voc", "coco", "yolo", "albumentations"),
                        help="albumentations: the format of the boxes the Compose takes (default pascal_voc)")
    export.add_argument("--label-fields", default="", metavar="NAMES",
                        help="albumentations: comma-separated names of the box label lists each call passes "
                             "(e.g. class_labels; default none: labels ride as extra columns of each box)")
    export.add_argument("--keypoint-format", default="xy", choices=("xy", "xyas"),
                        help="albumentations: keypoints as x, y or x, y, angle, scale (default xy)")
    export.add_argument("--keypoint-label-fields", default="", metavar="NAMES",
                        help="albumentations: comma-separated names of the keypoint label lists")

    imported = sub.add_parser("import", help="an albumentations pipeline (JSON, YAML, or the Compose of a .py script, read without running it) as a preset")
    imported.add_argument("pipeline", help="albumentations pipeline file: A.save's JSON or YAML, or a .py "
                          "script whose Compose is read without running it")
    imported.add_argument("--output", "-o", required=True, help="preset JSON file to write (- for standard output)")

    tta = sub.add_parser(
        "tta", help="test-time views (ten crops, five crops, flips, centre) as a grid or torchvision code",
        description="Draw the test-time views of an image (the crop boxes on the image, then each view) "
                    "into one PNG, or write the torchvision code that makes the same views.")
    tta.add_argument("--size", help="crop size: one side (224) or HxW (224x192); default: the whole image")
    tta.add_argument("--mode", default="ten_crop", choices=("ten_crop", "five_crop", "flips", "center"),
                     help="which views (default ten_crop: four corners and the centre, and their mirrors)")
    tta.add_argument("--resize", type=int, default=0,
                     help="resize the shorter side to this length first, as torchvision's Resize (e.g. 256)")
    tta.add_argument("--vertical-flip", action="store_true", help="mirror top to bottom instead of left to right")
    tta.add_argument("--image", help="image file (for the grid)")
    tta.add_argument("--to", choices=("grid", "torchvision"), default="grid",
                     help="grid: an image of the views (default); torchvision: Python code making them")
    tta.add_argument("--cell", type=int, default=256, help="grid cell size in pixels (default 256)")
    tta.add_argument("--output", "-o", help="file to write (the grid needs one; code goes to standard output "
                                            "without it)")
    return parser


def add_version(parser: argparse.ArgumentParser) -> None:
    from augview import __version__

    parser.add_argument("--version", action="version", version=f"augview {__version__}")


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="augview", description="Open the augview window.")
    add_version(parser)
    parser.add_argument("image", nargs="?", help="image (or .augview session) to open (default: the bundled sample)")
    parser.add_argument("--preset", help="preset to open")
    parser.add_argument("--annotations", metavar="FILE",
                        help="the image's annotations (a COCO JSON, YOLO .txt, VOC .xml or mask .png); "
                             "without it they are found beside the image")
    return parser

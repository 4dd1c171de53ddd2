"""An albumentations pipeline written as Python (``A.Compose([...])`` in a training script) ->
augview, without running the script: its syntax tree is read, and only literal values are taken
(numbers, strings, lists, ``cv2.BORDER_*``/``cv2.INTER_*`` flags, simple arithmetic, and names the
script sets once to such a value, like ``IMG_SIZE = 512`` or a ``class CFG: size = 512``).

The first ``Compose`` (or ``ReplayCompose``) of the file is imported; the others are named in a
note. A transform with a value the import cannot read (``A.Resize(cfg.size, cfg.size)``) is left
out with the reason. The albumentations version is told by the arguments: one that only 0.x/1.x
took (``max_holes``, ``var_limit``, ``value``...) reads the script with 1.x's defaults, one that only
2.x takes (``std_range``, ``fill``...) with 2.x's; with neither, 2.x's defaults are used and every
one that differed before is noted (`augview.interop.albumentations_legacy`).
"""

from __future__ import annotations

import ast
import math
import operator
from typing import Any

from augview.errors import PresetError
from augview.interop.albumentations_import import Imported, import_albumentations
from augview.interop.albumentations_legacy import LEGACY_ARGS, LEGACY_CLASSES
from augview.interop.notes import KEPT, LEFT_OUT, Note
from augview.text import tr

# Positional arguments, by class, as the scripts write them (2.x and 1.x agree unless noted).
POSITIONAL = {
    "Compose": ("transforms", "bbox_params", "keypoint_params", "additional_targets", "p"),
    "ReplayCompose": ("transforms", "bbox_params", "keypoint_params", "additional_targets", "p"),
    "OneOf": ("transforms", "p"), "Sequential": ("transforms", "p"), "SomeOf": ("transforms", "n", "replace", "p"),
    "RandomOrder": ("transforms", "n", "replace", "p"), "OneOrOther": ("first", "second", "transforms", "p"),
    "Resize": ("height", "width", "interpolation"), "RandomCrop": ("height", "width"),
    "CenterCrop": ("height", "width"), "PadIfNeeded": ("min_height", "min_width"),
    "Normalize": ("mean", "std", "max_pixel_value"), "Rotate": ("limit", "interpolation", "border_mode"),
    "ShiftScaleRotate": ("shift_limit", "scale_limit", "rotate_limit", "interpolation", "border_mode"),
    "RandomBrightnessContrast": ("brightness_limit", "contrast_limit"),
    "HueSaturationValue": ("hue_shift_limit", "sat_shift_limit", "val_shift_limit"),
    "RGBShift": ("r_shift_limit", "g_shift_limit", "b_shift_limit"),
    "ColorJitter": ("brightness", "contrast", "saturation", "hue"),
    "GaussianBlur": ("blur_limit", "sigma_limit"), "MotionBlur": ("blur_limit",), "MedianBlur": ("blur_limit",),
    "Blur": ("blur_limit",), "CLAHE": ("clip_limit", "tile_grid_size"), "RandomGamma": ("gamma_limit",),
    "Cutout": ("num_holes", "max_h_size", "max_w_size", "fill_value"), "Posterize": ("num_bits",),
    "Sharpen": ("alpha", "lightness"), "Affine": ("scale", "translate_percent", "translate_px", "rotate", "shear"),
    "Perspective": ("scale",), "ElasticTransform": ("alpha", "sigma"), "GridDistortion": ("num_steps", "distort_limit"),
    "OpticalDistortion": ("distort_limit",), "RandomScale": ("scale_limit",),
    "ChannelDropout": ("channel_drop_range",), "RandomShadow": ("shadow_roi",),
    "JpegCompression": ("quality_lower", "quality_upper"), "RandomBrightness": ("limit",),
    "RandomContrast": ("limit",), "BboxParams": ("format", "label_fields"), "KeypointParams": ("format", "label_fields"),
}
# Where 1.x and 2.x differ: (class, 2.x names, 1.x names)
_ERA_POSITIONAL = {
    "RandomResizedCrop": (("size", "scale", "ratio", "interpolation"), ("height", "width", "scale", "ratio",
                                                                        "interpolation")),
    "GaussNoise": (("std_range", "mean_range"), ("var_limit", "mean")),
    "CoarseDropout": (("num_holes_range", "hole_height_range", "hole_width_range"),
                      ("max_holes", "max_height", "max_width", "min_holes", "min_height", "min_width", "fill_value")),
    "Solarize": (("threshold_range",), ("threshold",)),
    "ImageCompression": (("compression_type", "quality_range"), ("quality_lower", "quality_upper")),
    "Downscale": (("scale_range", "interpolation_pair"), ("scale_min", "scale_max", "interpolation")),
}
# Arguments only albumentations 2.x (and late 1.4) takes: a script using one is read as 2.x.
V2_ARGS = {"fill", "fill_mask", "std_range", "mean_range", "num_holes_range", "hole_height_range", "hole_width_range",
           "threshold_range", "quality_range", "scale_range", "interpolation_pair", "fog_coef_range", "slant_range",
           "angle_range", "num_flare_circles_range", "num_shadows_limit", "unit_size_range", "holes_number_xy",
           "shift_xy", "size", "noise_scale_factor", "shadow_intensity_range"}
# OpenCV flags the scripts name (cv2.INTER_LINEAR...), by value.
CV2 = {"INTER_NEAREST": 0, "INTER_LINEAR": 1, "INTER_CUBIC": 2, "INTER_AREA": 3, "INTER_LANCZOS4": 4,
       "INTER_LINEAR_EXACT": 5, "INTER_NEAREST_EXACT": 6, "BORDER_CONSTANT": 0, "BORDER_REPLICATE": 1,
       "BORDER_REFLECT": 2, "BORDER_WRAP": 3, "BORDER_REFLECT_101": 4, "BORDER_REFLECT101": 4, "BORDER_DEFAULT": 4}
_OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
              ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow}
_COMPOSE = ("Compose", "ReplayCompose")


def _finite(number, node: ast.AST):
    """``number``, if it is one that the rest of the import can take as a float: an int beyond a
    float's range (``(10**60)**60``, a literal of 400 digits) or an infinite or NaN float
    (``1e999``) is not a literal the import can read."""
    try:
        if math.isfinite(number):
            return number
    except OverflowError:  # an int too large for a float
        pass
    raise _Unreadable(ast.unparse(node)[:60])


class _Unreadable(Exception):
    """A value that is not a literal the import can read; the message shows it."""


def _call_name(node: ast.AST) -> str | None:
    func = node.func if isinstance(node, ast.Call) else None
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


class _Reader:
    def __init__(self, tree: ast.Module):
        self.names: dict[str, Any] = {}
        self.uses: set[str] = set()  # argument and class names, to tell the version
        self.notes: list[Note] = []
        self._collect(tree)

    def _collect(self, tree: ast.Module) -> None:
        """Names set once to a literal (module level, functions, ``class CFG`` bodies)."""
        seen: dict[str, list] = {}
        self.lists: dict[str, ast.AST] = {}  # names set once to a list written in the file
        for node in ast.walk(tree):
            scopes = [(node.name + ".", node.body)] if isinstance(node, ast.ClassDef) else []
            if isinstance(node, (ast.Module, ast.FunctionDef)):
                scopes.append(("", node.body))
            for prefix, body in scopes:
                for statement in body:
                    if (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                            and isinstance(statement.targets[0], ast.Name)):
                        seen.setdefault(prefix + statement.targets[0].id, []).append(statement.value)
                    elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) and statement.value:
                        seen.setdefault(prefix + statement.target.id, []).append(statement.value)
        for name, values in seen.items():
            if len(values) == 1 and isinstance(values[0], (ast.List, ast.Tuple)):
                self.lists[name] = values[0]
            if len(values) == 1:
                try:
                    self.names[name] = self.value(values[0], depth=0, calls=False)
                except (_Unreadable, RecursionError):
                    pass

    def value(self, node: ast.AST, depth: int = 0, calls: bool = True) -> Any:
        if depth > 60:
            raise _Unreadable(tr("nested too deeply"))
        if isinstance(node, ast.Constant) and (node.value is None or isinstance(node.value, (bool, str))):
            return node.value
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return _finite(node.value, node)
        if isinstance(node, (ast.List, ast.Tuple)):
            return [self.value(item, depth + 1, calls) for item in node.elts]
        if isinstance(node, ast.Dict) and all(k is not None for k in node.keys):
            return {self.key(k): self.value(v, depth + 1, calls) for k, v in zip(node.keys, node.values)}
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            number = self.number(self.value(node.operand, depth + 1, calls), node)
            return -number if isinstance(node.op, ast.USub) else number
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            left, right = (self.number(self.value(side, depth + 1, calls), node) for side in (node.left, node.right))
            if isinstance(node.op, ast.Pow) and abs(right) > 64:
                raise _Unreadable(ast.unparse(node)[:60])
            try:
                result = _OPERATORS[type(node.op)](left, right)
            except (ArithmeticError, ValueError):
                raise _Unreadable(ast.unparse(node)[:60]) from None
            if isinstance(result, complex):
                raise _Unreadable(ast.unparse(node)[:60])
            # Operands are always within a float's range, so no result grows past ~2**65000.
            return _finite(result, node)
        if isinstance(node, ast.Name) and node.id in self.names:
            return self.names[node.id]
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id == "cv2" and node.attr in CV2:
                return CV2[node.attr]
            dotted = ast.unparse(node)
            if dotted in self.names:
                return self.names[dotted]
        if calls and isinstance(node, ast.Call) and _call_name(node):
            return self.transform(node)
        raise _Unreadable(ast.unparse(node)[:60])

    def key(self, node: ast.AST) -> str:
        key = self.value(node, calls=False)
        if not isinstance(key, str):
            raise _Unreadable(ast.unparse(node)[:60])
        return key

    @staticmethod
    def number(value, node) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _Unreadable(ast.unparse(node)[:60])
        return value

    def transform(self, call: ast.Call) -> dict:
        """``A.Name(args)`` as albumentations' plain data, ``{"__class_fullname__": "Name", ...}``."""
        name = _call_name(call)
        self.uses.add(name)
        args: dict[str, Any] = {}
        keywords = [k for k in call.keywords if k.arg is not None]
        if len(keywords) != len(call.keywords) or any(isinstance(a, ast.Starred) for a in call.args):
            raise _Unreadable(tr("{name}(**...) or (*...)").format(name=name))
        names = POSITIONAL.get(name, ())
        if name in _ERA_POSITIONAL and call.args:
            new, old = _ERA_POSITIONAL[name]
            first = self.value(call.args[0])
            numbers = [v for v in (first if isinstance(first, list) else [first]) if isinstance(v, (int, float))]
            if name == "ImageCompression":
                modern = isinstance(first, str)
            elif name in ("GaussNoise", "Solarize"):  # 2.x: fractions of 255; 1.x: grey levels (or variance)
                modern = isinstance(first, list) and all(0 <= v <= 1 for v in numbers)
            else:
                modern = isinstance(first, list)
            names = new if modern else old
        if len(call.args) > len(names):
            raise _Unreadable(tr("{name} with {count} positional arguments (give them by name)").format(
                name=name, count=len(call.args)))
        for arg_name, node in zip(names, call.args):
            args[arg_name] = self.value(node)
        for keyword in keywords:
            args[keyword.arg] = self.value(keyword.value)
        self.uses.update(args)
        if name in _COMPOSE + ("OneOf", "SomeOf", "Sequential", "RandomOrder"):
            args["transforms"] = self.children(args.get("transforms", []), call)
        if name == "OneOrOther":
            parts = [args.pop(k) for k in ("first", "second") if isinstance(args.get(k), dict)]
            args["transforms"] = self.children(parts or args.get("transforms", []), call)
        if name in ("BboxParams", "KeypointParams"):  # Compose's settings, as A.save writes them
            return args
        return {"__class_fullname__": name, **args}

    def children(self, items, call: ast.Call) -> list:
        if not isinstance(items, list):
            raise _Unreadable(tr("transforms of {name} are not a list").format(name=_call_name(call)))
        return items

    def transforms_of(self, call: ast.Call) -> list:
        """The children of a composition, each read on its own: one that cannot be read is left
        out with a note naming it and its line (in a OneOf or SomeOf an empty Sequential takes its
        place, keeping the others' odds; elsewhere nothing does)."""
        nodes = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "transforms"), None)
        if isinstance(nodes, ast.Name):  # train_transform = [...]; A.Compose(train_transform)
            nodes = self.lists.get(nodes.id)
        if not isinstance(nodes, (ast.List, ast.Tuple)):
            raise _Unreadable(tr("the list of transforms of {name}").format(name=_call_name(call)))
        out = []
        for node in nodes.elts:
            try:
                if isinstance(node, ast.Call) and _call_name(node) in ("OneOf", "SomeOf", "Sequential", "RandomOrder"):
                    item = self.composition(node)
                else:
                    item = self.value(node)
                    if not isinstance(item, dict):
                        raise _Unreadable(ast.unparse(node)[:60])
            except _Unreadable as exc:
                self.notes.append(Note(f"line {node.lineno} ({ast.unparse(node)[:40]})", LEFT_OUT,
                                       tr("{value} is not a literal the import can read").format(value=exc)))
                if _call_name(call) not in ("OneOf", "SomeOf"):
                    continue
                item = {"__class_fullname__": "Sequential", "p": 1.0, "transforms": []}
            out.append(item)
        return out

    def composition(self, call: ast.Call) -> dict:
        children = self.transforms_of(call)
        rest = ast.Call(func=call.func, args=[ast.List(elts=[], ctx=ast.Load())] + list(call.args[1:]),
                        keywords=[k for k in call.keywords if k.arg != "transforms"])
        item = self.transform(ast.copy_location(rest, call))
        item["transforms"] = children
        return item


def import_albumentations_source(text: str, source: str = "<script>") -> Imported:
    """The first albumentations ``Compose`` of a Python script, imported without running it."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as err:
        line = getattr(err, "lineno", None)
        raise PresetError(source, [("", tr("is not Python that can be read: {reason}").format(reason=(
            f"{getattr(err, 'msg', err)} (line {line})" if line else getattr(err, "msg", err))))]) from None
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and _call_name(node) in _COMPOSE]
    inner = {id(n) for call in calls for n in ast.walk(call) if n is not call}
    calls = sorted((c for c in calls if id(c) not in inner), key=lambda c: (c.lineno, c.col_offset))
    if not calls:
        raise PresetError(source, [("", tr("has no albumentations Compose([...]) to import"))])
    reader = _Reader(tree)
    try:
        root = reader.composition(calls[0])
    except (_Unreadable, RecursionError) as exc:
        raise PresetError(source, [(f"line {calls[0].lineno}", tr("{value} is not a literal the import can read").format(
            value=exc))]) from None
    if len(calls) > 1:
        reader.notes.append(Note(f"line {calls[0].lineno}", KEPT, tr(
            "imported the first of {count} pipelines in the file; the others start at line(s) {lines}").format(
            count=len(calls), lines=", ".join(str(c.lineno) for c in calls[1:6]))))
    legacy = sorted((reader.uses & (LEGACY_ARGS | LEGACY_CLASSES)) - V2_ARGS)
    modern = sorted(reader.uses & V2_ARGS)
    version = (2, 0) if modern else (1, 3) if legacy else None
    if legacy and not modern:
        reader.notes.append(Note(f"line {calls[0].lineno}", KEPT, tr(
            "written for albumentations 1.x ({names}): read with 1.x's defaults and meanings").format(
            names=", ".join(legacy[:4]))))
    try:
        imported = import_albumentations({"transform": root}, source, version)
    except PresetError as err:
        # What the script's reading left aside (a transform that is not a literal) is part of why.
        raise PresetError(source, err.problems + [(n.where, n.text) for n in reader.notes]) from None
    imported.notes[:0] = reader.notes
    return imported

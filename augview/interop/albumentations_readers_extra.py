"""Readers of the albumentations 2.x transforms that real training pipelines use beyond augview's
first catalog: Blur, Emboss, NoOp, LongestMaxSize, SmallestMaxSize, SafeRotate, RandomSizedCrop,
RandomCropFromBorders, PiecewiseAffine, Defocus, ZoomBlur, GlassBlur, Superpixels and
RandomGridShuffle. Same contract as `augview.interop.albumentations_readers` (a single number
means what albumentations 2.x makes of it); `augview.interop.albumentations_import` looks a
transform up here when the first table has no reader for it.

NoOp is read as nothing: it changes no pixel, and a transform left out of a OneOf or SomeOf
already keeps its place (and so the other transforms' odds) as an empty step, which exports back
as an empty Sequential. An identity op in the catalog would only add a tile that does nothing.
"""

from __future__ import annotations

from math import gcd

from augview.interop.albumentations_export import INTERP_NAMES as _INTERP_NAMES, Unsupported
from augview.interop.albumentations_args import Args as _Args, Malformed as _Malformed, number as _number
from augview.core.registry import CATALOG
from augview.text import tr


def _odd_sizes(a: _Args, key: str, default) -> tuple[int, int]:
    """A kernel size range as albumentations uses it: a number n is (3, n), even ends round up."""
    low, high = (int(v) for v in a.range(key, default, "from3"))
    return low + (low % 2 == 0), high + (high % 2 == 0)


def _i_no_op(a: _Args):
    raise Unsupported(tr("NoOp changes nothing (in a OneOf or SomeOf an empty step keeps its place)"))


def _i_max_size(name: str):
    def read(a: _Args):
        if a.get("max_size_hw") is not None:
            raise Unsupported(tr("max_size_hw (a size per side) has no augview counterpart; give max_size"))
        if a.get("area_for_downscale") is not None:
            a.note(tr("area_for_downscale ignored: choose interpolation 'area' for shrinking"))
        sizes = a.get("max_size", 1024)
        sizes = sorted({int(_number(v, "max_size")) for v in (sizes if isinstance(sizes, (list, tuple)) else [sizes])})
        if not sizes:
            raise _Malformed(tr("max_size must be a number or a list of numbers"))
        step = 0
        for value in sizes[1:]:
            step = gcd(step, value - sizes[0])
        step = step or CATALOG[name].spec("size_step").default  # one size: any step draws it
        if sizes != list(range(sizes[0], sizes[-1] + 1, step)):
            a.note(tr("max_size {sizes}: augview draws from evenly spaced sizes, used {low} to {high} in "
                      "steps of {step}").format(sizes=sizes, low=sizes[0], high=sizes[-1], step=step))
        return name, {"size_limit": (sizes[0], sizes[-1]), "size_step": step, **a.warp(False)}
    return read


def _i_random_sized_crop(a: _Args):
    size = a.get("size")
    height, width = (size if isinstance(size, (list, tuple)) and len(size) == 2
                     else (a.get("height", 224), a.get("width", 224)))  # albumentations 1.x keys
    if a.get("area_for_downscale") is not None:
        a.note(tr("area_for_downscale ignored: choose interpolation 'area' for shrinking"))
    return "random_sized_crop", {"min_max_height": a.range("min_max_height", None, "from1"),
                                 "w2h_ratio": a.num("w2h_ratio", 1.0),
                                 "height": int(_number(height, "size")), "width": int(_number(width, "size")),
                                 **a.warp(False)}


def _i_superpixels(a: _Args):
    max_size = a.raw("max_size", 128)
    if max_size is None:
        a.note(tr("max_size None (segments at full size): augview segments a copy at most 1024 pixels long"))
        max_size = 1024
    a.note(tr("albumentations shrinks the whole image to max_size and back, augview keeps the segments it "
              "does not replace at full size"))
    return "superpixels", {"p_replace_limit": a.range("p_replace", (0.0, 0.1), "from0"),
                           "n_segments_limit": a.range("n_segments", (100, 100), "from1"),
                           "max_size": int(_number(max_size, "max_size")),
                           "interpolation": a.choice("interpolation", 1, _INTERP_NAMES, "interpolation")}


def _i_glass_blur(a: _Args):
    if a.get("mode", "fast") != "fast":
        a.note(tr("mode 'exact' (one swap after the other): augview swaps every pixel at once ('fast')"))
    return "glass_blur", {"sigma": a.num("sigma", 0.7), "max_delta": int(a.num("max_delta", 4)),
                          "iterations": int(a.num("iterations", 2))}


def _i_grid_shuffle(a: _Args):
    grid = a.get("grid", (3, 3))
    if not isinstance(grid, (list, tuple)) or len(grid) != 2:
        raise _Malformed(tr("grid must be [rows, columns]"))
    return "random_grid_shuffle", {"rows": int(_number(grid[0], "grid")), "cols": int(_number(grid[1], "grid"))}


def _i_piecewise_affine(a: _Args):
    a.note(tr("albumentations 2.x blends the control points by inverse distance, augview maps each triangle "
              "of the grid affinely (the same at the control points)"))
    a.get("keypoint_remapping_method")
    return "piecewise_affine", {"scale_limit": a.range("scale", (0.03, 0.05), "from0"),
                                "rows_limit": a.range("nb_rows", (4, 4), "fixed"),
                                "cols_limit": a.range("nb_cols", (4, 4), "fixed"),
                                "absolute_scale": bool(a.get("absolute_scale", False)), **a.warp()}


def _i_safe_rotate(a: _Args):
    a.note(tr("albumentations puts the turned image half a pixel right and down of the centre; augview keeps "
              "the centre in place"))
    return "safe_rotate", {"limit": a.range("limit", (-90, 90)), **a.warp()}


EXTRA_IMPORTERS = {
    "Blur": lambda a: ("box_blur", {"ksize_limit": _odd_sizes(a, "blur_limit", (3, 7))}),
    "Emboss": lambda a: ("emboss", {"alpha_limit": a.range("alpha", (0.2, 0.5), "from0"),
                                    "strength_limit": a.range("strength", (0.2, 0.7), "from0")}),
    "NoOp": _i_no_op,
    "LongestMaxSize": _i_max_size("longest_max_size"),
    "SmallestMaxSize": _i_max_size("smallest_max_size"),
    "SafeRotate": _i_safe_rotate,
    "RandomSizedCrop": _i_random_sized_crop,
    "RandomCropFromBorders": lambda a: ("random_crop_from_borders", {
        key: a.num(key, 0.1) for key in ("crop_left", "crop_right", "crop_top", "crop_bottom")}),
    "PiecewiseAffine": _i_piecewise_affine,
    "Defocus": lambda a: ("defocus", {"radius_limit": a.range("radius", (3, 10), "from1"),
                                      "alias_blur_limit": a.range("alias_blur", (0.1, 0.5), "from0")}),
    "ZoomBlur": lambda a: ("zoom_blur", {"max_factor_limit": a.range("max_factor", (1.0, 1.31), "from1"),
                                         "step_factor_limit": a.range("step_factor", (0.01, 0.03), "from0")}),
    "GlassBlur": _i_glass_blur,
    "Superpixels": _i_superpixels,
    "RandomGridShuffle": _i_grid_shuffle,
}

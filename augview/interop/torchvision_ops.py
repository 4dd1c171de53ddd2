"""Each op's torchvision counterpart, for `augview.interop.torchvision`: a builder per op that
turns a step's parameters into source text of a ``torchvision.transforms.v2`` transform, with the
notes of what it only approximates. The compositions (groups, probabilities, the training tail)
and the generated module around them are `augview.interop.torchvision`'s."""

from __future__ import annotations

from augview.interop.albumentations_export import Unsupported
from augview.interop.notes import APPROXIMATE, Note
from augview.interop.torchvision_targets import TargetPlan, fill_source
from augview.ops.photometric.blur import gaussian_ksize
from augview.ops.geometric.resize_crops import size_choices
from augview.text import tr

MAX_COMBINATIONS = 64
_MODES = {"nearest": "NEAREST", "linear": "BILINEAR", "cubic": "BICUBIC", "area": "BILINEAR", "lanczos": "BICUBIC"}
_PAD_MODES = {"constant": "constant", "replicate": "edge", "reflect_101": "reflect", "reflect": "symmetric"}


def py_number(value) -> str:
    """A number as Python source: ints stay ints, floats keep a decimal point."""
    if isinstance(value, bool) or isinstance(value, int):
        return repr(value)
    value = float(value)
    return repr(int(value)) + ".0" if value.is_integer() else repr(round(value, 10))


def _t(pair) -> str:
    return f"({py_number(pair[0])}, {py_number(pair[1])})"


def _range_or_value(pair) -> str:
    return py_number(pair[0]) if pair[0] == pair[1] else _t(pair)


class StepContext:
    """What a step builder may use: its notes, the names the snippet must import, and what the
    preset's target settings ask of it (`augview.interop.torchvision_targets`)."""

    def __init__(self, where: str, notes: list, uses: set, plan: TargetPlan | None = None):
        self.where, self.notes, self.uses, self.plan = where, notes, uses, plan

    def fill(self, value) -> str:
        return fill_source(value, self.plan, self.uses)

    def note(self, text: str) -> None:
        self.notes.append(Note(self.where, APPROXIMATE, tr("approximate: {text}").format(text=text)))

    def mode(self, name: str, resize: bool = False) -> str:
        if name in ("area", "lanczos"):
            self.note((tr("interpolation '{name}' has no torchvision tensor counterpart; used {used} with "
                          "antialiasing") if resize else
                       tr("interpolation '{name}' has no torchvision tensor counterpart; used {used}")).format(
                name=name, used=_MODES[name].lower()))
        self.uses.add("InterpolationMode")
        return f"InterpolationMode.{_MODES[name]}"

    def constant_border(self, p: dict) -> None:
        if p["border_mode"] != "constant":
            self.note(tr("border_mode '{mode}': torchvision fills the uncovered area with a constant").format(
                mode=p["border_mode"]))


# A leaf is source text; ("call", head, entries, tail) a container over entries; ("note", text) a comment.
# torchvision refuses an empty container (Compose, RandomApply, RandomChoice, RandomOrder: "Pass at
# least one transform"), so every slot that does nothing holds IDENTITY.
IDENTITY = "v2.Identity()"


def with_probability(entry, p: float):
    return entry if p >= 1.0 else ("call", "v2.RandomApply(", [entry], f", p={py_number(p)}")


def choice_of(entries: list, weights=None):
    if not entries:
        return IDENTITY
    if len(entries) == 1:
        return entries[0]
    tail = f", p=[{', '.join(py_number(w) for w in weights)}]" if weights else ""
    return ("call", "v2.RandomChoice(", entries, tail)


def _values(low, high, integer: bool, ctx: StepContext, what: str) -> list:
    if low == high:
        return [low]
    if integer:
        if high - low + 1 > MAX_COMBINATIONS:
            raise Unsupported(tr("a {what} range of {count} values is too wide to spell out").format(
                what=what, count=high - low + 1))
        return list(range(int(low), int(high) + 1))
    ctx.note((tr("sigma drawn from 5 evenly spaced values of {range} (torchvision takes one value)")
              if what == "sigma" else
              tr("sharpness factor drawn from 5 evenly spaced values of {range} (torchvision takes one value)")
              ).format(range=f"[{py_number(low)}, {py_number(high)}]"))
    return [round(low + (high - low) * i / 4, 6) for i in range(5)]


def _noise(p, ctx):
    if not p["per_channel"]:
        ctx.note(tr("per_channel off: torchvision's noise is independent in every channel"))
    ctx.uses.add("torch")
    low, high = p["std_limit"]
    options = [f"v2.GaussianNoise(mean={py_number(round(p['mean'] / 255, 6))}, sigma={py_number(round(s / 255, 6))}, clip=True)"
               for s in _values(low, high, False, ctx, "sigma")]
    # GaussianNoise wants float images in [0, 1] before torchvision 0.23: convert around it.
    return ("call", "v2.Compose(", ["v2.ToDtype(torch.float32, scale=True)", choice_of(options),
                                    "v2.ToDtype(torch.uint8, scale=True)"], ""), False


def _multiplicative_noise(p, ctx):
    if p["elementwise"] or p["per_channel"]:
        raise Unsupported(tr("a factor per pixel or per channel has no torchvision counterpart (one factor "
                             "for the whole image is ColorJitter's brightness)"))
    # One factor for the image: exactly a brightness factor drawn uniformly from the range.
    return f"v2.ColorJitter(brightness={_t(p['multiplier_limit'])})", False


def _affine(p, ctx):
    translate = []
    for key in ("translate_x", "translate_y"):
        low, high = p[key]
        if low != -high:
            ctx.note(tr("{key} {range}: torchvision shifts symmetrically, used +-{used}").format(
                key=key, range=f"[{py_number(low)}, {py_number(high)}]", used=py_number(max(-low, high))))
        translate.append(max(-low, high, 0.0))
    shears = (*p["shear_x"], *p["shear_y"])
    if any(shears) and p["rotate"] != (0.0, 0.0):
        ctx.note(tr("shear with rotation: torchvision shears before rotating, augview after"))
    ctx.constant_border(p)
    args = [f"degrees={_t(p['rotate'])}",
            f"translate={_t(translate)}" if any(translate) else "translate=None",
            f"scale={_t(p['scale'])}",
            f"shear=({', '.join(py_number(v) for v in shears)})" if any(shears) else "shear=None",
            f"interpolation={ctx.mode(p['interpolation'])}", f"fill={ctx.fill(p['fill'])}"]
    return f"v2.RandomAffine({', '.join(args)})", False


def _perspective(p, ctx, prob):
    # Matching mean corner shifts: half-normal(sigma) averages 0.8 sigma, torchvision's uniform
    # jitter distortion_scale / 4 of the side.
    scale = min(1.0, round(3.19 * (p["scale"][0] + p["scale"][1]) / 2, 3))
    ctx.note(tr("corner jitter: torchvision draws it uniformly; distortion_scale {scale} matches the mean").format(
        scale=py_number(scale)))
    if not p["keep_size"] or p["fit_output"]:
        ctx.note(tr("keep_size off / fit_output: torchvision keeps the input size and crops"))
    ctx.constant_border(p)
    return (f"v2.RandomPerspective(distortion_scale={py_number(scale)}, p={py_number(prob)}, "
            f"interpolation={ctx.mode(p['interpolation'])}, fill={ctx.fill(p['fill'])})"), True


def _pad(p, ctx):
    if p["pad_mode"] != "pixels":
        raise Unsupported(tr("pad_mode '{mode}' pads up to a size that depends on the image").format(
            mode=p["pad_mode"]))
    if p["border_mode"] not in _PAD_MODES:
        raise Unsupported(tr("border_mode '{mode}' has no torchvision padding mode").format(mode=p["border_mode"]))
    n = p["pixels"]
    padding = {"center": str(n), "top_left": f"[0, 0, {2 * n}, {2 * n}]"}.get(p["position"])
    if padding is None:
        raise Unsupported(tr("position 'random' has no torchvision counterpart"))
    mode = _PAD_MODES[p["border_mode"]]
    return f"v2.Pad(padding={padding}, fill={ctx.fill(p['fill'])}, padding_mode={mode!r})", False


def _brightness_contrast(p, ctx):
    (b0, b1), (c0, c1) = p["brightness_limit"], p["contrast_limit"]
    ctx.note(tr("brightness: torchvision multiplies (factor 1 + 2 * limit gives the same shift at mid-grey), "
                "augview adds a fraction of 255"))
    if p["contrast_pivot"] != "mean":
        ctx.note(tr("contrast pivot '{pivot}': torchvision scales around the mean grey").format(
            pivot=p["contrast_pivot"]))
    return (f"v2.ColorJitter(brightness={_t((max(0.0, 1 + 2 * b0), max(0.0, 1 + 2 * b1)))}, "
            f"contrast={_t((1 + c0, 1 + c1))})"), False


def _posterize(p, ctx, prob):
    options = [f"v2.RandomPosterize(bits={b}, p=1.0)" for b in _values(*p["num_bits"], True, ctx, "bits")]
    if len(options) == 1:
        return options[0].replace("p=1.0", f"p={py_number(prob)}"), True
    return choice_of(options), False


def _solarize(p, ctx, prob):
    options = [f"v2.RandomSolarize(threshold={t}, p=1.0)" if t < 256 else IDENTITY  # 256: no change
               for t in _values(*p["threshold_limit"], True, ctx, "threshold")]
    if len(options) == 1 and options[0].startswith("v2.RandomSolarize"):
        return options[0].replace("p=1.0", f"p={py_number(prob)}"), True
    return choice_of(options), False


def _sharpness(p, ctx, prob):
    options = [f"v2.RandomAdjustSharpness(sharpness_factor={py_number(f)}, p=1.0)"
               for f in _values(*p["factor_limit"], False, ctx, "sharpness factor")]
    if len(options) == 1:
        return options[0].replace("p=1.0", f"p={py_number(prob)}"), True
    return choice_of(options), False


def _gaussian_blur(p, ctx):
    low, high = p["sigma_limit"]
    if high <= 0:
        raise Unsupported(tr("sigma 0 changes nothing"))
    if low <= 0:
        ctx.note(tr("sigma 0 (no blur) becomes 0.01: torchvision needs a positive sigma"))
    return f"v2.GaussianBlur(kernel_size={gaussian_ksize(high)}, sigma={_t((max(low, 0.01), high))})", False


def _crop(name):
    def build(p, ctx):
        if p["size_mode"] != "pixels":
            raise Unsupported(tr("size_mode 'fraction' (a crop relative to the image) has no torchvision "
                                 "counterpart"))
        return f"v2.{name}(size=({p['height']}, {p['width']}))", False
    return build


def _max_size(longest: bool):
    def build(p, ctx):
        sizes = size_choices(p)
        if len(sizes) > MAX_COMBINATIONS:
            raise Unsupported(tr("{n} side lengths are too many to spell out (at most {most})").format(
                n=len(sizes), most=MAX_COMBINATIONS))
        ctx.note(tr("torchvision truncates the other side's length where augview rounds it (at most a pixel "
                    "shorter)"))
        mode = ctx.mode(p["interpolation"], True)
        target = "size=None, max_size={size}" if longest else "size={size}"
        options = [f"v2.Resize({target.format(size=size)}, interpolation={mode}, antialias=True)" for size in sizes]
        return choice_of(options), False
    return build


def _policy(name, keys):
    def build(p, ctx):
        args = [f"{k}={py_number(p[k]) if not isinstance(p[k], bool) else p[k]}" for k in keys]
        if "policy" in p:
            ctx.uses.add("AutoAugmentPolicy")
            args.insert(0, f"policy=AutoAugmentPolicy.{p['policy'].upper()}")
        args += [f"interpolation={ctx.mode(p['interpolation'])}", f"fill={p['fill']}"]
        return f"v2.{name}({', '.join(args)})", False
    return build


def _flag(name):
    return lambda p, ctx, prob: (f"v2.{name}(p={py_number(prob)})", True)


# op -> builder(params, ctx[, p]) -> (source or entry, whether it already holds the step's p)
BUILDERS = {
    "horizontal_flip": _flag("RandomHorizontalFlip"),
    "vertical_flip": _flag("RandomVerticalFlip"),
    "rotate": lambda p, ctx: (ctx.constant_border(p) or f"v2.RandomRotation(degrees={_t(p['limit'])}, "
                              f"interpolation={ctx.mode(p['interpolation'])}, fill={ctx.fill(p['fill'])})", False),
    "affine": _affine,
    "perspective": _perspective,
    "elastic": lambda p, ctx: (ctx.constant_border(p) or f"v2.ElasticTransform(alpha={py_number(2 * p['alpha'])}, "
                               f"sigma={py_number(p['sigma'])}, interpolation={ctx.mode(p['interpolation'])}, "
                               f"fill={ctx.fill(p['fill'])})", False),
    "random_crop": _crop("RandomCrop"),
    "center_crop": _crop("CenterCrop"),
    "random_resized_crop": lambda p, ctx: (
        f"v2.RandomResizedCrop(size=({p['height']}, {p['width']}), scale={_t(p['scale'])}, ratio={_t(p['ratio'])}, "
        f"interpolation={ctx.mode(p['interpolation'], True)}, antialias=True)", False),
    "resize": lambda p, ctx: (f"v2.Resize(size=({p['height']}, {p['width']}), "
                              f"interpolation={ctx.mode(p['interpolation'], True)}, antialias=True)", False),
    "pad": _pad,
    "longest_max_size": _max_size(True),
    "smallest_max_size": _max_size(False),
    "brightness_contrast": _brightness_contrast,
    "color_jitter": lambda p, ctx: ("v2.ColorJitter(" + ", ".join(
        f"{k}={_t(p[k])}" for k in ("brightness", "contrast", "saturation", "hue")) + ")", False),
    "channel_shuffle": lambda p, ctx: ("v2.RandomChannelPermutation()", False),
    "grayscale": _flag("RandomGrayscale"),
    "equalize": lambda p, ctx, prob: (
        (p["mode"] != "pil" or not p["by_channels"])
        and ctx.note(tr("torchvision equalizes each channel like PIL (mode 'pil', by_channels on)"))
        or f"v2.RandomEqualize(p={py_number(prob)})", True),
    "autocontrast": lambda p, ctx, prob: (
        p["cutoff"] > 0 and ctx.note(tr("cutoff ignored: torchvision stretches from the darkest to the brightest pixel"))
        or f"v2.RandomAutocontrast(p={py_number(prob)})", True),
    "posterize": _posterize,
    "solarize": _solarize,
    "invert": _flag("RandomInvert"),
    "sharpness": _sharpness,
    "gaussian_noise": _noise,
    "multiplicative_noise": _multiplicative_noise,
    "jpeg_compression": lambda p, ctx: (f"v2.JPEG(quality={_range_or_value(p['quality_limit'])})", False),
    "gaussian_blur": _gaussian_blur,
    "random_erasing": lambda p, ctx, prob: (
        p["fill_mode"] == "random" and ctx.note(tr("torchvision's 'random' fill draws N(0, 1) values, meant for "
                                                    "normalised float images (augview: uniform 0..255)"))
        or f"v2.RandomErasing(p={py_number(prob)}, scale={_t(p['scale_limit'])}, ratio={_t(p['ratio_limit'])}, "
        f"value={repr('random') if p['fill_mode'] == 'random' else p['fill']})", True),
    "auto_augment": _policy("AutoAugment", ()),
    "rand_augment": _policy("RandAugment", ("num_ops", "magnitude", "num_magnitude_bins")),
    "trivial_augment_wide": _policy("TrivialAugmentWide", ("num_magnitude_bins",)),
    "augmix": _policy("AugMix", ("severity", "mixture_width", "chain_depth", "alpha", "all_ops")),
}
WITH_P = {"horizontal_flip", "vertical_flip", "perspective", "grayscale", "equalize", "autocontrast",
          "posterize", "solarize", "invert", "sharpness", "random_erasing"}

"""Learned and random augmentation policies: AutoAugment, RandAugment, TrivialAugmentWide, AugMix.

Reference: torchvision.transforms.AutoAugment / RandAugment / TrivialAugmentWide / AugMix, which is
what people compare with. The AutoAugment tables are those of the paper (Cubuk et al., CVPR 2019)
in torchvision's ordering, see ``policy_tables.py``. Magnitudes follow torchvision's
``_augmentation_space``: a ``linspace`` over ``num_bins`` bins (10 for AutoAugment and AugMix, 31
for RandAugment and TrivialAugmentWide); signed ops are negated with probability 0.5.

Each policy is one op. ``sample`` draws everything (sub-policy, which entries fired, every signed
value; for AugMix the mixing weights and chains) into a JSON-ready dict whose entries read
``{"op": "Rotate", "magnitude_bin": 9, "value": -30.0, "fired": true}``; ``apply`` replays them.
``value`` is what the primitive uses: degrees (Rotate), the shear factor tan(angle) (ShearX/Y),
whole pixels truncated toward zero as torchvision's ``int()`` does (TranslateX/Y), the enhance
factor 1 ± magnitude (Brightness, Color, Contrast, Sharpness), bits kept (Posterize), the integer
threshold: pixels >= it are inverted (Solarize, the ceiling of torchvision's float threshold, same
pixels), or null (parameter-free ops). Magnitudes are rounded to 6 decimals so the trace reads
cleanly (30.0, not 29.999999999999996) and integer thresholds/shifts stay exact, as torchvision's
float32 linspace makes them.

Primitives reuse the catalog's PIL-faithful ops (equalize, autocontrast, solarize, sharpness and the
torchvision colour adjustments), so results match torchvision within one grey level (those ops
round where PIL/torch truncate), except Color at low factors: torchvision truncates the grey image
to whole levels before blending, augview blends with the exact grey, so factors 0.1 to 0.3 differ
by 2 levels on 6-27% of pixels (measured on the bundled photos with torchvision 0.29; other
factors within one level). Geometry uses cv2.warpAffine with torchvision's conventions:
shear about the top-left corner of the image (``center=[0, 0]``), rotation about the centre, fill
outside. Known difference: AugMix's float32 mix is rounded back to uint8 (torchvision truncates).
"""

from __future__ import annotations

import math
from functools import lru_cache
from types import MappingProxyType

import cv2
import numpy as np

from augview.ops.photometric import color, tone  # noqa: F401  (registers the primitives reused below)
from augview.ops.common import interpolation_param
from augview.ops.geometric.warp_kernel import warp_affine
from augview.ops.policy_tables import POLICIES
from augview.core.params import bool_param, choice_param, float_param, int_param
from augview.core.registry import Op, get_op, register
from augview.targets.motion import Affine, Chain
from augview.text import tr

SIGNED = ("ShearX", "ShearY", "TranslateX", "TranslateY", "Rotate",
          "Brightness", "Color", "Contrast", "Sharpness")
ENHANCE = ("Brightness", "Color", "Contrast", "Sharpness")
GEOMETRIC = ("ShearX", "ShearY", "TranslateX", "TranslateY", "Rotate")


# ---------------------------------------------------------------------------------------------
# Magnitude spaces: op name -> (values per bin, or None for parameter-free ops). Dict order is
# torchvision's, which matters for the uniform op choice of RandAugment/TrivialAugment/AugMix.
# They are cached per image size, hence read-only mappings.


def _linspace(start: float, end: float, bins: int) -> tuple[float, ...]:
    return tuple(round(v, 6) for v in np.linspace(start, end, bins).tolist())


def _bits(top: int, span: int, bins: int) -> tuple[int, ...]:
    # top - round(i / ((bins - 1) / span)); np.round and torch.round both round half to even.
    return tuple(int(top - v) for v in np.round(np.arange(bins) / ((bins - 1) / span)))


def _common_space(bins, shear, translate_x, translate_y, rotate, enhance, bits_top, bits_span):
    return {
        "ShearX": _linspace(0.0, shear, bins),
        "ShearY": _linspace(0.0, shear, bins),
        "TranslateX": _linspace(0.0, translate_x, bins),
        "TranslateY": _linspace(0.0, translate_y, bins),
        "Rotate": _linspace(0.0, rotate, bins),
        "Brightness": _linspace(0.0, enhance, bins),
        "Color": _linspace(0.0, enhance, bins),
        "Contrast": _linspace(0.0, enhance, bins),
        "Sharpness": _linspace(0.0, enhance, bins),
        "Posterize": _bits(bits_top, bits_span, bins),
        "Solarize": _linspace(255.0, 0.0, bins),
        "AutoContrast": None,
        "Equalize": None,
    }


@lru_cache(maxsize=64)
def randaugment_space(num_bins: int, height: int, width: int) -> dict:
    """RandAugment's 14 ops: shear 0.3, translate 150/331 of the size, rotate 30°, enhance 1±0.9,
    posterize 8..4 bits, solarize 255..0."""
    return MappingProxyType({"Identity": None, **_common_space(
        num_bins, 0.3, 150.0 / 331.0 * width, 150.0 / 331.0 * height, 30.0, 0.9, 8, 4)})


@lru_cache(maxsize=64)
def autoaugment_space(num_bins: int, height: int, width: int) -> dict:
    """AutoAugment's ops: RandAugment's magnitudes, plus Invert (and no Identity)."""
    space = dict(randaugment_space(num_bins, height, width))
    del space["Identity"]
    space["Invert"] = None
    return MappingProxyType(space)


@lru_cache(maxsize=16)
def wide_space(num_bins: int) -> dict:
    """TrivialAugmentWide's wide space: shear 0.99, translate 32 px, rotate 135°, enhance
    1±0.99, posterize 8..2 bits; it does not depend on the image size."""
    return MappingProxyType(
        {"Identity": None, **_common_space(num_bins, 0.99, 32.0, 32.0, 135.0, 0.99, 8, 6)})


@lru_cache(maxsize=64)
def augmix_space(height: int, width: int, all_ops: bool) -> dict:
    """AugMix's ops over 10 bins: translate up to a third of the size, posterize 4..0 bits; the
    enhance ops only with ``all_ops`` (the paper leaves them out as they overlap test corruptions)."""
    full = _common_space(10, 0.3, width / 3.0, height / 3.0, 30.0, 0.9, 4, 4)
    order = ["ShearX", "ShearY", "TranslateX", "TranslateY", "Rotate", "Posterize", "Solarize",
             "AutoContrast", "Equalize"] + (list(ENHANCE) if all_ops else [])
    return MappingProxyType({name: full[name] for name in order})


def op_value(name: str, magnitude: float | None) -> float | int | None:
    """What the primitive uses, from a (signed) magnitude: see the module docstring."""
    if magnitude is None:
        return None
    if name in ("TranslateX", "TranslateY", "Posterize"):
        return int(magnitude)
    if name == "Solarize":
        return int(math.ceil(magnitude))
    if name in ENHANCE:
        return round(1.0 + magnitude, 6)
    return round(magnitude, 6) + 0.0  # + 0.0 turns -0.0 into 0.0


def _entry(space: dict, name: str, magnitude_bin, negate: bool) -> dict:
    values = space[name]
    if values is None or magnitude_bin is None:
        return {"op": name, "magnitude_bin": None, "value": None}
    magnitude = values[magnitude_bin]
    if negate and name in SIGNED:
        magnitude = -magnitude
    return {"op": name, "magnitude_bin": int(magnitude_bin), "value": op_value(name, magnitude)}


# ---------------------------------------------------------------------------------------------
# Primitives


def policy_matrix(name: str, value: float, shape: tuple, inverse: bool = False) -> np.ndarray:
    """2x3 matrix mapping input to output pixels (OpenCV coordinates, centres on integers) for a
    geometric primitive, as torchvision's affine/rotate place it: shears act about the top-left
    corner of the image, i.e. the point (-0.5, -0.5); rotation turns counter-clockwise about the
    centre; a positive translation moves the content right/down. ``inverse=True`` gives the
    output-to-input map, built exactly rather than inverted: cv2's nearest sampling then rounds
    positions exactly halfway between pixels half to even, as torch's grid_sample does (PIL rounds
    them up; elsewhere all three agree)."""
    height, width = shape[:2]
    sign = -1.0 if inverse else 1.0
    if name == "ShearX":  # the inverse reads input x = x + value * (y + 0.5): PIL's (1, value, 0, 0, 1, 0)
        return np.array([[1.0, -sign * value, -sign * 0.5 * value], [0.0, 1.0, 0.0]])
    if name == "ShearY":
        return np.array([[1.0, 0.0, 0.0], [-sign * value, 1.0, -sign * 0.5 * value]])
    if name == "TranslateX":
        return np.array([[1.0, 0.0, sign * value], [0.0, 1.0, 0.0]])
    if name == "TranslateY":
        return np.array([[1.0, 0.0, 0.0], [0.0, 1.0, sign * value]])
    if name == "Rotate":
        center = ((width - 1) / 2.0, (height - 1) / 2.0)
        return cv2.getRotationMatrix2D(center, sign * float(value), 1.0)
    raise ValueError(f"{name} is not a geometric primitive")


def _posterize_bits(image: np.ndarray, bits: int) -> np.ndarray:
    # AugMix goes down to 0 bits (a black image), below the posterize op's range.
    return np.bitwise_and(image, np.uint8((0xFF << (8 - bits)) & 0xFF))


def apply_primitive(image: np.ndarray, name: str, value, interpolation: str = "nearest",
                    fill: int = 0) -> np.ndarray:
    """One policy op with its value (see ``op_value``); may return ``image`` itself (Identity)."""
    if name in GEOMETRIC:
        if value == 0:
            return image
        return warp_affine(image, policy_matrix(name, value, image.shape), image.shape[:2], interpolation,
                           "constant", fill, inverse=policy_matrix(name, value, image.shape, inverse=True))
    if name == "Brightness":
        return color.adjust_brightness(image, value)
    if name == "Color":
        return color.adjust_saturation(image, value)
    if name == "Contrast":
        return color.adjust_contrast(image, value)
    if name == "Sharpness":
        return get_op("sharpness").apply(image, {"factor": value})
    if name == "Posterize":
        return _posterize_bits(image, int(value))
    if name == "Solarize":
        return get_op("solarize").apply(image, {"threshold": int(value)})
    if name == "AutoContrast":
        return get_op("autocontrast").apply(image, {"cutoff": 0.0})
    if name == "Equalize":
        return get_op("equalize").apply(image, {"by_channels": True, "mode": "pil"})
    if name == "Invert":
        return np.invert(image)
    if name == "Identity":
        return image
    raise ValueError(f"unknown policy op {name!r}")


def run_chain(image: np.ndarray, entries: list, interpolation: str, fill: int) -> np.ndarray:
    """Apply the entries that fired, in order. May return ``image`` itself when nothing changed."""
    out = image
    for entry in entries:
        if entry.get("fired", True):
            out = apply_primitive(out, entry["op"], entry["value"], interpolation, fill)
    return out


def _fresh(out: np.ndarray, image: np.ndarray) -> np.ndarray:
    # A new C-ordered array, whatever the input's layout (numpy keeps a Fortran input's order).
    return out.copy() if out is image else np.ascontiguousarray(out)


def _fixed(params: dict) -> dict:
    return {"interpolation": params["interpolation"], "fill": int(params["fill"])}


# ---------------------------------------------------------------------------------------------
# Captions and descriptions for the GUI


def entry_text(entry: dict) -> str:
    """``Rotate -13.3°``, ``TranslateX 45px``, ``Posterize 5``, ``Equalize``."""
    name, value = entry["op"], entry["value"]
    if value is None:
        return name
    if name == "Rotate":
        return f"Rotate {value:.3g}°"
    if name in ("TranslateX", "TranslateY"):
        return f"{name} {value}px"
    if isinstance(value, float):
        return f"{name} {value:.3g}"
    return f"{name} {value}"


def _fired_text(entries: list) -> str:
    texts = [entry_text(e) for e in entries if e.get("fired", True)]
    return ", ".join(texts) if texts else tr("nothing fired")


def bin_text(name: str, magnitude_bin) -> str:
    """What an AutoAugment magnitude bin means, independent of the image size."""
    if magnitude_bin is None:
        return ""
    if name in ("TranslateX", "TranslateY"):
        fraction = 150.0 / 331.0 * magnitude_bin / 9
        template = tr("±{pct}% of the width") if name == "TranslateX" else tr("±{pct}% of the height")
        return template.format(pct=f"{100 * fraction:.0f}")
    value = autoaugment_space(10, 331, 331)[name][magnitude_bin]
    if name == "Rotate":
        return f"±{value:.3g}°"
    if name in ENHANCE:
        return tr("factor 1±{value}").format(value=f"{value:.3g}")
    if name == "Posterize":
        return tr("{value} bits").format(value=value)
    if name == "Solarize":
        return tr("invert >= {threshold}").format(threshold=math.ceil(value))
    return f"±{value:.3g}"


def describe_policy(name: str) -> list[str]:
    """One human-readable line per sub-policy of an AutoAugment policy, e.g.
    ``#0: Posterize p=0.4 bin 8 (4 bits), then Rotate p=0.6 bin 9 (±30°)``."""
    lines = []
    for index, sub_policy in enumerate(POLICIES[name]):
        parts = []
        for op_name, p, magnitude_bin in sub_policy:
            if magnitude_bin is None:
                text = f"{op_name} p={p:g}"
            else:
                text = tr("{op} p={p} bin {bin} ({meaning})").format(
                    op=op_name, p=f"{p:g}", bin=magnitude_bin, meaning=bin_text(op_name, magnitude_bin))
            parts.append(text)
        steps = parts[0]
        for part in parts[1:]:
            steps = tr("{first}, then {next}").format(first=steps, next=part)
        lines.append(f"#{index}: {steps}")
    return lines


# ---------------------------------------------------------------------------------------------
# auto_augment


def _auto_augment_sample(rng, params, shape):
    policy = params["policy"]
    table = POLICIES[policy]
    index = int(rng.integers(len(table)))
    probs = rng.random(2)  # always both, as torchvision, so the draw count never varies
    signs = rng.integers(2, size=2)
    space = autoaugment_space(10, shape[0], shape[1])
    ops = []
    for (name, p, magnitude_bin), prob, sign in zip(table[index], probs, signs):
        entry = _entry(space, name, magnitude_bin, negate=bool(sign == 0))
        entry = {"op": name, "p": p, **entry, "fired": bool(prob < p)}
        ops.append(entry)
    return {"policy": policy, "sub_policy": index, "ops": ops, **_fixed(params)}


def _apply_ops(image, drawn):
    return _fresh(run_chain(image, drawn["ops"], drawn["interpolation"], drawn["fill"]), image)


def chain_motion(drawn, shape) -> Chain:
    """How targets follow a policy: through each geometric primitive that fired, in order (as
    torchvision's v2 policies move boxes and masks); colour primitives leave them alone."""
    motions = [Affine(np.vstack([policy_matrix(entry["op"], entry["value"], shape), [0, 0, 1]]), tuple(shape[:2]))
               for entry in drawn["ops"]
               if entry.get("fired", True) and entry["op"] in GEOMETRIC and entry["value"] != 0]
    return Chain(motions, tuple(shape[:2]))


register(Op(
    name="auto_augment",
    category="policy",
    description=(
        "AutoAugment (Cubuk et al. 2019): one of 25 sub-policies, found by a search on ImageNet, "
        "CIFAR-10 or SVHN, is picked per image; each of its two operations (rotate, shear, "
        "posterize, equalize, colour...) then fires with its own probability and strength. "
        "A strong, proven recipe for classifiers trained from scratch; the policies were tuned "
        "for those datasets, so on detection, medical or text images they may distort what "
        "matters. Inspect the sub-policies before relying on them."
    ),
    params=(
        choice_param("policy", "imagenet", tuple(POLICIES),
                     help="the published policy: imagenet, cifar10 or svhn"),
        interpolation_param("nearest"),
        int_param("fill", 0, 0, 255, help="grey level of the area uncovered by shear, translate "
                                          "and rotate"),
    ),
    apply=_apply_ops,
    geometry=chain_motion,
    sample=_auto_augment_sample,
    caption=lambda d: f"{d['policy']} #{d['sub_policy']}: {_fired_text(d['ops'])}",
    details=lambda params: describe_policy(params["policy"]),
))


# ---------------------------------------------------------------------------------------------
# rand_augment


def _rand_augment_sample(rng, params, shape):
    bins = int(params["num_magnitude_bins"])
    space = randaugment_space(bins, shape[0], shape[1])
    names = list(space)
    magnitude_bin = min(int(params["magnitude"]), bins - 1)
    ops = []
    for _ in range(int(params["num_ops"])):
        name = names[int(rng.integers(len(names)))]
        negate = bool(rng.integers(2))  # drawn for every op so the draw count never varies
        ops.append({**_entry(space, name, magnitude_bin, negate), "fired": True})
    return {"ops": ops, **_fixed(params)}


register(Op(
    name="rand_augment",
    category="policy",
    description=(
        "RandAugment (Cubuk et al. 2020): applies N operations chosen uniformly from 14 "
        "(identity, shear, translate, rotate, brightness, colour, contrast, sharpness, posterize, "
        "solarize, autocontrast, equalize), all at one shared magnitude M out of 31 bins. Two "
        "knobs instead of a searched policy, and about as good; the usual setting is N=2, M=9. "
        "High M makes every operation harsh; raise it with model size and training length."
    ),
    params=(
        int_param("num_ops", 2, 1, 10, help="operations applied in sequence per image (N)"),
        int_param("magnitude", 9, 0, 30, help="shared strength bin (M); values above the last "
                                              "bin use the last bin"),
        int_param("num_magnitude_bins", 31, 2, 31, help="number of strength bins"),
        interpolation_param("nearest"),
        int_param("fill", 0, 0, 255, help="grey level of the area uncovered by geometric ops"),
    ),
    apply=_apply_ops,
    geometry=chain_motion,
    sample=_rand_augment_sample,
    caption=lambda d: _fired_text(d["ops"]),
))


# ---------------------------------------------------------------------------------------------
# trivial_augment_wide


def _trivial_sample(rng, params, shape):
    bins = int(params["num_magnitude_bins"])
    space = wide_space(bins)
    names = list(space)
    name = names[int(rng.integers(len(names)))]
    magnitude_bin = int(rng.integers(bins))  # always drawn, even for parameter-free ops
    negate = bool(rng.integers(2))
    return {"ops": [{**_entry(space, name, magnitude_bin, negate), "fired": True}],
            **_fixed(params)}


register(Op(
    name="trivial_augment_wide",
    category="policy",
    description=(
        "TrivialAugment (Müller and Hutter 2021), wide version: one operation per image, chosen "
        "uniformly from the RandAugment list, at a strength drawn uniformly from its full, wider "
        "range (rotate up to 135°, shear 0.99, translate 32 px). Parameter-free and as strong as "
        "searched policies on ImageNet/CIFAR. Some draws are extreme (a near-black contrast, a "
        "heavy shear), which small datasets or fine-grained labels may not tolerate."
    ),
    params=(
        int_param("num_magnitude_bins", 31, 2, 100, help="number of strength bins"),
        interpolation_param("nearest"),
        int_param("fill", 0, 0, 255, help="grey level of the area uncovered by geometric ops"),
    ),
    apply=_apply_ops,
    geometry=chain_motion,
    sample=_trivial_sample,
    caption=lambda d: _fired_text(d["ops"]),
))


# ---------------------------------------------------------------------------------------------
# augmix


def _augmix_sample(rng, params, shape):
    alpha, width = float(params["alpha"]), int(params["mixture_width"])
    depth_param, severity = int(params["chain_depth"]), int(params["severity"])
    space = augmix_space(shape[0], shape[1], bool(params["all_ops"]))
    names = list(space)
    # Beta(alpha, alpha) as a 2-way Dirichlet: weight of the original vs the augmented mix.
    beta = rng.dirichlet([alpha, alpha])
    weights = rng.dirichlet([alpha] * width) * beta[1]
    chains = []
    for _ in range(width):
        depth = depth_param if depth_param > 0 else int(rng.integers(1, 4))
        chain = []
        for _ in range(depth):
            name = names[int(rng.integers(len(names)))]
            magnitude_bin = int(rng.integers(severity))
            negate = bool(rng.integers(2))
            chain.append({**_entry(space, name, magnitude_bin, negate), "fired": True})
        chains.append(chain)
    return {"original_weight": float(beta[0]), "chain_weights": [float(w) for w in weights],
            "chains": chains, **_fixed(params)}


def _augmix(image, drawn):
    interpolation, fill = drawn["interpolation"], drawn["fill"]
    terms = [
        (weight, run_chain(image, chain, interpolation, fill))
        for weight, chain in zip(drawn["chain_weights"], drawn["chains"])
        if weight != 0.0  # contributes nothing; skipping saves the chain's passes
    ] or [(0.0, image)]
    # The weighted sum in float32, one cv2.addWeighted pass per term (faster than numpy, which
    # needs a temporary per product), then rounded and saturated back to uint8 in one pass.
    (weight, first), rest = terms[0], terms[1:]
    mix = cv2.addWeighted(image, drawn["original_weight"], first, weight, 0.0, dtype=cv2.CV_32F)
    for weight, aug in rest:
        mix = cv2.addWeighted(mix, 1.0, aug, weight, 0.0, dtype=cv2.CV_32F)
    return cv2.convertScaleAbs(mix)  # |x| rounded and saturated; x is never negative


def _augmix_caption(drawn):
    chains = " | ".join(" > ".join(entry_text(e) for e in chain) for chain in drawn["chains"])
    return tr("orig {weight}: {chains}").format(weight=f"{drawn['original_weight']:.2f}", chains=chains)


register(Op(
    name="augmix",
    category="policy",
    description=(
        "AugMix (Hendrycks et al. 2020): builds several short chains of random operations, then "
        "blends their results with the original using random Dirichlet/Beta weights. The output "
        "stays close to the original while covering many variations, which improves robustness "
        "to corruptions and calibration. The blend looks ghosted where geometric ops disagree; "
        "the paper also pairs it with a consistency loss that this step alone does not provide."
    ),
    params=(
        int_param("severity", 3, 1, 10, help="strength: bins drawn from 0..severity-1 of 10"),
        int_param("mixture_width", 3, 1, 10, help="number of augmentation chains blended"),
        int_param("chain_depth", -1, -1, 10, help="operations per chain; -1 or 0: random 1..3"),
        float_param("alpha", 1.0, 0.01, 10.0, scale="log", step=0.01,
                    help="Dirichlet/Beta concentration of the mixing weights"),
        bool_param("all_ops", True, help="also use brightness, colour, contrast and sharpness"),
        interpolation_param("linear"),
        int_param("fill", 0, 0, 255, help="grey level of the area uncovered by geometric ops"),
    ),
    apply=_augmix,
    sample=_augmix_sample,
    caption=_augmix_caption,
    images_only=True,  # a blend of differently warped copies: no box or mask can follow it
))

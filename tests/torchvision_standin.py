"""A strict stand-in for torch and torchvision.transforms.v2, for checking generated code where
torchvision is not installed (CI): every class the exporter may write, with torchvision's
signature (0.20+) and the checks its constructor makes (read from torchvision 0.29's
transforms/v2 sources): a misspelt class or keyword, an empty Compose or a hue of 0.7 fail here
as they fail in torchvision. tests/test_interop.py also runs the code on the real torchvision
when it is installed.
"""

from __future__ import annotations

import numbers
import sys
import types
from collections.abc import Sequence

SIGNATURES = {
    "Compose": "transforms", "RandomApply": "transforms, p=0.5", "RandomChoice": "transforms, p=None",
    "RandomOrder": "transforms", "Identity": "", "ToImage": "", "ToDtype": "dtype, scale=False",
    "Normalize": "mean, std, inplace=False",
    "RandomHorizontalFlip": "p=0.5", "RandomVerticalFlip": "p=0.5",
    "RandomRotation": "degrees, interpolation=None, expand=False, center=None, fill=0",
    "RandomResizedCrop": "size, scale=(0.08, 1.0), ratio=(0.75, 1.33), interpolation=None, antialias=True",
    "RandomCrop": "size, padding=None, pad_if_needed=False, fill=0, padding_mode='constant'",
    "CenterCrop": "size", "Resize": "size, interpolation=None, max_size=None, antialias=True",
    "RandomAffine": "degrees, translate=None, scale=None, shear=None, interpolation=None, fill=0, center=None",
    "RandomPerspective": "distortion_scale=0.5, p=0.5, interpolation=None, fill=0",
    "ElasticTransform": "alpha=50.0, sigma=5.0, interpolation=None, fill=0",
    "Pad": "padding, fill=0, padding_mode='constant'",
    "ColorJitter": "brightness=None, contrast=None, saturation=None, hue=None",
    "RandomGrayscale": "p=0.1", "RandomEqualize": "p=0.5", "RandomAutocontrast": "p=0.5",
    "RandomPosterize": "bits, p=0.5", "RandomSolarize": "threshold, p=0.5", "RandomInvert": "p=0.5",
    "RandomAdjustSharpness": "sharpness_factor, p=0.5", "GaussianBlur": "kernel_size, sigma=(0.1, 2.0)",
    "GaussianNoise": "mean=0.0, sigma=0.1, clip=True", "JPEG": "quality",
    "RandomErasing": "p=0.5, scale=(0.02, 0.33), ratio=(0.3, 3.3), value=0, inplace=False",
    "AutoAugment": "policy=None, interpolation=None, fill=None",
    "RandAugment": "num_ops=2, magnitude=9, num_magnitude_bins=31, interpolation=None, fill=None",
    "TrivialAugmentWide": "num_magnitude_bins=31, interpolation=None, fill=None",
    "AugMix": "severity=3, mixture_width=3, chain_depth=-1, alpha=1.0, all_ops=True, interpolation=None, fill=None",
    "RandomChannelPermutation": "",
    # Boxes and masks (a preset with target settings): the last steps (min_area: recent releases)
    "ClampBoundingBoxes": "", "SanitizeBoundingBoxes": "min_size=1.0, min_area=1.0, labels_getter='default'",
}
# torchvision.tv_tensors: the classes the code names (the fill dictionaries' keys, the usage block)
TV_TENSORS = {
    "Image": "data, *, dtype=None, device=None, requires_grad=None",
    "Mask": "data, *, dtype=None, device=None, requires_grad=None",
    "BoundingBoxes": "data, *, format, canvas_size, dtype=None, device=None, requires_grad=None",
}
FILLED = {"RandomRotation", "RandomAffine", "RandomPerspective", "ElasticTransform", "Pad"}
RANDOM_APPLY = {"RandomHorizontalFlip", "RandomVerticalFlip", "RandomGrayscale", "RandomEqualize",
                "RandomAutocontrast", "RandomPosterize", "RandomSolarize", "RandomInvert",
                "RandomAdjustSharpness", "RandomPerspective", "RandomErasing"}


def _container(a):
    if not isinstance(a["transforms"], Sequence):
        raise TypeError("Argument transforms should be a sequence of callables")
    if not a["transforms"]:
        raise ValueError("Pass at least one transform")


def _probability(a):
    if not 0.0 <= a["p"] <= 1.0:
        raise ValueError("`p` should be a floating point value in the interval [0.0, 1.0].")


def _choice(a):
    _container(a)
    if a["p"] is not None and len(a["p"]) != len(a["transforms"]):
        raise ValueError("Length of p doesn't match the number of transforms")


def _jitter(a):
    for name in ("brightness", "contrast", "saturation", "hue"):
        value = a[name]
        if value is None:
            continue
        center, bound = (0.0, (-0.5, 0.5)) if name == "hue" else (1.0, (0.0, float("inf")))
        if isinstance(value, numbers.Number):
            if value < 0:
                raise ValueError(f"If {name} is a single number, it must be non negative.")
            value = [center - value, center + value]
            if name != "hue":
                value[0] = max(value[0], 0.0)
        elif not (isinstance(value, Sequence) and len(value) == 2):
            raise TypeError(f"{name}={value} should be a single number or a sequence with length 2.")
        if not bound[0] <= value[0] <= value[1] <= bound[1]:
            raise ValueError(f"{name} values should be between {bound} and increasing, but got {value}.")


def _size(value, what="size"):
    if isinstance(value, numbers.Number):
        return (int(value), int(value))
    if not isinstance(value, Sequence) or len(value) not in (1, 2):
        raise ValueError(f"Please provide only two dimensions (h, w) for {what}.")
    return tuple(value) * (2 // len(value))


def _resize(a):
    # torchvision: size=None is allowed when max_size is set (resize the longer side to max_size);
    # a single number is the shorter side, and then max_size must exceed it.
    if a["size"] is None:
        if a.get("max_size") is None:
            raise ValueError("If size is None, max_size must be set.")
        return None
    if isinstance(a["size"], numbers.Number) and a.get("max_size") is not None and a["max_size"] <= a["size"]:
        raise ValueError("max_size must be strictly greater than the requested size")
    return _size(a["size"])


def _angle(value, name, sizes=(2,)):
    if isinstance(value, numbers.Number):
        if value < 0:
            raise ValueError(f"If {name} is a single number, it must be positive.")
    elif not isinstance(value, Sequence) or len(value) not in sizes:
        raise ValueError(f"{name} should be a sequence of length {sizes}.")


def _affine(a):
    _angle(a["degrees"], "degrees")
    if a["translate"] is not None:
        _angle(a["translate"], "translate")
        if not all(0.0 <= t <= 1.0 for t in a["translate"]):
            raise ValueError("translation values should be between 0 and 1")
    if a["scale"] is not None:
        _angle(a["scale"], "scale")
        if not all(s > 0 for s in a["scale"]):
            raise ValueError("scale values should be positive")
    if a["shear"] is not None:
        _angle(a["shear"], "shear", (2, 4))


def _number_or_pair(value, name):
    if isinstance(value, numbers.Number):
        return (float(value), float(value))
    if not isinstance(value, Sequence) or len(value) not in (1, 2):
        raise ValueError(f"If {name} is a sequence its length should be 1 or 2.")
    return (float(value[0]), float(value[-1]))


def _blur(a):
    for k in _size(a["kernel_size"], "kernel size"):
        if k <= 0 or k % 2 == 0:
            raise ValueError("Kernel size value should be an odd and positive number.")
    low, high = _number_or_pair(a["sigma"], "sigma")
    if not 0.0 < low <= high:
        raise ValueError("sigma values should be positive and of the form (min, max).")


def _perspective(a):
    _probability(a)
    if not 0 <= a["distortion_scale"] <= 1:
        raise ValueError("Argument distortion_scale value should be between 0 and 1")


def _erasing(a):
    _probability(a)
    value = a["value"]
    if not isinstance(value, (numbers.Number, str, tuple, list)):
        raise TypeError("Argument value should be either a number or str or a sequence")
    if isinstance(value, str) and value != "random":
        raise ValueError("If value is str, it should be 'random'")
    if not isinstance(a["scale"], Sequence) or not isinstance(a["ratio"], Sequence):
        raise TypeError("Scale and ratio should be sequences")
    if a["scale"][0] < 0 or a["scale"][1] > 1:
        raise ValueError("Scale should be between 0 and 1")


def _jpeg(a):
    quality = a["quality"]
    if isinstance(quality, bool):
        raise TypeError("quality can't be bool")
    quality = [quality, quality] if isinstance(quality, int) else quality
    if not (isinstance(quality, Sequence) and len(quality) == 2 and all(isinstance(q, int) for q in quality)
            and 1 <= quality[0] <= quality[1] <= 100):
        raise ValueError(f"quality must be an integer from 1 to 100, got {quality}")


def _pad(a):
    padding = a["padding"]
    if isinstance(padding, (tuple, list)):
        if len(padding) not in (1, 2, 4) or not all(isinstance(p, int) for p in padding):
            raise ValueError("Padding must be an int or a 1, 2, or 4 element of tuple or list")
    elif not isinstance(padding, int):
        raise ValueError("Padding must be an int or a 1, 2, or 4 element of tuple or list")
    if a["padding_mode"] not in ("constant", "edge", "reflect", "symmetric"):
        raise ValueError("Padding mode should be either constant, edge, reflect or symmetric")


def _fill(a):
    """torchvision's _check_fill_arg: a number, a sequence, or a dict of them by tv_tensor type
    (or "others")."""
    fill = a["fill"]
    values = fill.values() if isinstance(fill, dict) else [fill]
    if isinstance(fill, dict) and not all(isinstance(k, type) or k == "others" for k in fill):
        raise TypeError("fill dict keys must be tv_tensor types or 'others'")
    for value in values:
        if value is not None and not isinstance(value, (numbers.Number, tuple, list)):
            raise TypeError("Got inappropriate fill arg, only Numbers, tuples, lists and dicts are allowed.")


def _sanitize(a):
    if a["min_size"] < 1:
        raise ValueError(f"min_size must be >= 1, got {a['min_size']}.")
    if a["min_area"] < 1:
        raise ValueError(f"min_area must be >= 1, got {a['min_area']}.")


def _normalize(a):
    if any(s == 0 for s in (a["std"] if isinstance(a["std"], Sequence) else [a["std"]])):
        raise ValueError("std evaluated to zero, leading to division by zero.")


CHECKS = {
    "Compose": _container, "RandomOrder": _container, "RandomChoice": _choice,
    "RandomApply": lambda a: (_container(a), _probability(a)),
    "ColorJitter": _jitter, "RandomAffine": _affine, "RandomRotation": lambda a: _angle(a["degrees"], "degrees"),
    "GaussianBlur": _blur, "RandomPerspective": _perspective, "RandomErasing": _erasing, "JPEG": _jpeg,
    "Pad": _pad, "Normalize": _normalize, "SanitizeBoundingBoxes": _sanitize,
    "RandomResizedCrop": lambda a: _size(a["size"]), "RandomCrop": lambda a: _size(a["size"]),
    "CenterCrop": lambda a: _size(a["size"]), "Resize": _resize,
    "ElasticTransform": lambda a: (_number_or_pair(a["alpha"], "alpha"), _number_or_pair(a["sigma"], "sigma")),
}


def _make_class(name: str, signature: str):
    namespace: dict = {}
    # the signature binds the arguments (TypeError on a wrong keyword), then the checks run
    exec(f"def __init__(self{', ' if signature else ''}{signature}):\n"
         f"    self.args = {{k: v for k, v in locals().items() if k != 'self'}}", namespace)
    bind = namespace["__init__"]

    def __init__(self, *args, **kwargs):
        bind(self, *args, **kwargs)
        if name in RANDOM_APPLY:
            _probability(self.args)
        if name in FILLED:
            _fill(self.args)
        check = CHECKS.get(name)
        if check is not None:
            check(self.args)

    return type(name, (), {"__init__": __init__})


def install(monkeypatch) -> types.ModuleType:
    """Put the stand-ins in ``sys.modules`` (undone by ``monkeypatch``); returns the v2 module."""
    v2 = types.ModuleType("torchvision.transforms.v2")
    for name, signature in SIGNATURES.items():
        setattr(v2, name, _make_class(name, signature))
    tv_tensors = types.ModuleType("torchvision.tv_tensors")
    for name, signature in TV_TENSORS.items():
        setattr(tv_tensors, name, _make_class(name, signature))
    transforms = types.ModuleType("torchvision.transforms")
    transforms.v2 = v2
    transforms.InterpolationMode = types.SimpleNamespace(NEAREST=0, BILINEAR=2, BICUBIC=3)
    transforms.AutoAugmentPolicy = types.SimpleNamespace(IMAGENET="imagenet", CIFAR10="cifar10", SVHN="svhn")
    torchvision = types.ModuleType("torchvision")
    torchvision.transforms, torchvision.tv_tensors = transforms, tv_tensors
    torch = types.ModuleType("torch")
    torch.float32, torch.uint8 = "float32", "uint8"
    for name, module in {"torch": torch, "torchvision": torchvision, "torchvision.transforms": transforms,
                         "torchvision.transforms.v2": v2, "torchvision.tv_tensors": tv_tensors}.items():
        monkeypatch.setitem(sys.modules, name, module)
    return v2

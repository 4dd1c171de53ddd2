"""augview: see what an augmentation pipeline does before you train on it.

The Python API needs no Qt:

    import augview
    image = augview.load_image("assets/astronaut.png")
    pipe = augview.Pipeline.load("presets/light_classification.json")
    out = pipe(image, seed=0)
"""

from augview.core.registry import CATALOG, Op, get_op
from augview.pipeline import Group, Pipeline, Result, Step
from augview.core.imageio import load_image, save_image
from augview.errors import (
    AnnotationError, AugviewError, ImageLoadError, InvalidImageError, InvalidTargetsError, InvalidTraceError,
    PresetError,
)
from augview.targets import BOX_FORMATS, TargetSettings

__version__ = "0.1.0"

__all__ = [
    "BOX_FORMATS", "CATALOG", "AnnotationError", "AugviewError", "Group", "ImageLoadError", "InvalidImageError",
    "InvalidTargetsError", "InvalidTraceError", "Op", "Pipeline", "PresetError", "Result", "Step", "TargetSettings", "get_op",
    "load_image", "save_image",
]

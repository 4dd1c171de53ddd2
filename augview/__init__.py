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
from augview.errors import AugviewError, ImageLoadError, InvalidImageError, PresetError

__version__ = "0.1.0"

__all__ = [
    "CATALOG", "AugviewError", "Group", "ImageLoadError", "InvalidImageError", "Op", "Pipeline",
    "PresetError", "Result", "Step", "get_op", "load_image", "save_image",
]

"""augview's augmentation core: numpy, OpenCV and Pillow only. It never imports Qt."""

from augview.core import ops  # noqa: F401  (registers the catalog)
from augview.core.pipeline import Pipeline, Result
from augview.core.registry import CATALOG, Op, get_op
from augview.core.steps import Group, Step

__all__ = ["CATALOG", "Group", "Op", "Pipeline", "Result", "Step", "get_op"]

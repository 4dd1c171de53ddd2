"""Pipelines as plain data, and how they run.

What lives here: the nodes (`nodes`: `Step`, `Group`), the one model of group choice (`choice`),
running with a trace and replaying it (`run`), the preset schema, its validation and files
(`presets`; the files' bytes and JSON: `preset_json`), and the public `Pipeline` (`pipeline`). It may import `augview.ops`, `augview.core`,
`augview.errors` and `augview.text`; features (analysis, interop, batch, the window) build on it.
"""

from augview import ops  # noqa: F401  (registers the catalog: a pipeline names its ops)
from augview.pipeline.nodes import Group, Step
from augview.pipeline.pipeline import Pipeline, Result

__all__ = ["Group", "Pipeline", "Result", "Step"]

"""Augmenting whole folders: what ``augview apply`` and the window's *Apply to folder* run.

What lives here: the run itself with its plan, options and summary (`run`), output names, seeds,
folder checks and the provenance manifest (`files`), the work of one source file in this
process or in a pool of worker processes (`workers`), each image's annotations read, augmented and
written with it (`annotated`, ``--annotations``), and the same run on Ray Data, on a cluster or a
local Ray instance (`ray_engine`, with folders given as URIs through pyarrow in `storage`; both need
``pip install "ray[data]>=2.51"``). It may import `augview.annotations`, `augview.pipeline` and
everything below them, never the window or the CLI.

The Python entry points: ``from augview.batch import run_apply`` (a folder on this machine, what
``augview apply`` runs), ``apply_on_ray`` (``--engine ray``) and ``AnnotationOptions``.
"""

_RUN = ("run_apply", "ApplySummary", "AnnotationOptions")


def __getattr__(name: str):
    # Imported on first use: ``import augview`` stays light, and the base install has no Ray.
    if name == "apply_on_ray":
        from augview.batch.ray_engine import apply_on_ray

        return apply_on_ray
    if name in _RUN:
        from augview.batch import run

        return getattr(run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

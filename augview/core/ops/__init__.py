"""Importing this package registers every op family in the catalog."""

from augview.core.ops import (  # noqa: F401
    blur,
    color,
    crops,
    dropout,
    geometric,
    noise,
    noise_signal,
    optical,
    policies,
    tone,
    warps,
    weather,
)

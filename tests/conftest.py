"""Shared fixtures. Qt runs offscreen in every test, with or without a display."""

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "assets"
PRESETS = ROOT / "presets"


@pytest.fixture(scope="session")
def astronaut():
    import augview

    return augview.load_image(ASSETS / "astronaut.png")


@pytest.fixture(scope="session")
def small_rgb():
    """A 48x64 crop of a real photo: large enough for every op, small enough to be quick."""
    import augview

    return np.ascontiguousarray(augview.load_image(ASSETS / "chelsea.png")[100:148, 150:214])


@pytest.fixture(scope="session")
def small_gray(small_rgb):
    return np.ascontiguousarray(small_rgb.mean(axis=2).astype(np.uint8))

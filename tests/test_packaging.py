"""The wheel carries what a non-editable install needs: every package of the source tree, the
sample photos with their annotations and the shipped presets (mapped from the top-level assets/
and presets/)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

try:
    import tomllib
except ImportError:  # Python 3.10
    tomllib = None


@pytest.mark.skipif(tomllib is None, reason="reading pyproject.toml needs Python 3.11's tomllib")
def test_every_package_of_the_tree_is_in_the_wheel_list():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    tree = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "augview").rglob("__init__.py")}
    assert tree <= listed, f"packages missing from pyproject.toml: {sorted(tree - listed)}"
    assert config["package-dir"] == {"augview.assets": "assets", "augview.presets": "presets"}


def test_an_installed_wheel_finds_the_sample_and_the_presets(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", "docs", "bench"))
    wheels, target = tmp_path / "wheels", tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run(pip + ["wheel", "--no-deps", "-w", str(wheels), str(source)], check=True, capture_output=True)
    wheel = next(wheels.glob("augview-*.whl"))
    subprocess.run(pip + ["install", "--no-deps", "--target", str(target), str(wheel)], check=True,
                   capture_output=True)
    code = ("import augview; from augview.core import paths; "
            "print(augview.__file__); print(paths.SAMPLE_IMAGE.is_file()); "
            "print(sorted(p.stem for p in paths.builtin_presets())); "
            "print(paths.resolve_preset('light_classification')); "
            "from augview.annotations import find_annotations; a = find_annotations(paths.SAMPLE_IMAGE); "
            "print(len(a), a.mask.shape, a.keypoints.shape, sorted(a.sources.values())); "
            "from augview.annotations.find import read_annotation_file; "
            "print(len(read_annotation_file(paths.ASSETS / 'labels' / 'astronaut.txt', paths.SAMPLE_IMAGE, 512, 512).class_names))")
    # From another folder, with only the installed copy on the path (no source tree beside it).
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {code}"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0].startswith(str(target))
    assert out[1] == "True"
    assert "light_classification" in out[2] and "heavy_classification" in out[2]
    assert out[3] == str(target / "augview" / "presets" / "light_classification.json")
    # The sample's annotations ship with it: COCO, the mask and the YOLO labels with their data.yaml.
    assets = target / "augview" / "assets"
    assert out[4] == f"7 (512, 512) (7, 5, 3) {sorted([str(assets / 'astronaut.coco.json'), str(assets / 'masks' / 'astronaut.png')])}"
    assert out[5] == "7"


@pytest.mark.skipif(tomllib is None, reason="reading pyproject.toml needs Python 3.11's tomllib")
def test_the_ray_hint_installs_what_the_ray_extra_holds():
    """Messages say how to get Ray Data with a plain requirement (`pip install "augview[ray]"`
    asked PyPI for a package this checkout may not come from); it must stay the extra's own."""
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["ray"]
    assert len(extra) == 1
    hint = f'pip install \\"{extra[0]}\\"'
    for path in ("augview/cli.py", "augview/cli_parser.py"):
        assert hint in (ROOT / path).read_text(), path
    assert "augview[ray]" not in (ROOT / "augview" / "cli.py").read_text()

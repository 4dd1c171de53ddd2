"""`Pipeline`: the public object that training code and the window share.

    pipe = augview.Pipeline.load("presets/light_classification.json")
    out = pipe(image, seed=7)                 # pixels only
    result = pipe.apply(image, seed=7)        # pixels, trace and the seed used
    print(result.summary)                     # "horizontal_flip, rotate angle=12.3°"

Same preset + same image + same seed gives the same pixels, in any process.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from typing import Any

import numpy as np

from augview.pipeline import presets
from augview.core.images import check_image
from augview.pipeline.nodes import Node
from augview.pipeline.run import replay, run_nodes, summarize

MAX_SEED = presets.MAX_SEED


def variant_seed(seed: int, index: int) -> int:
    """The seed of variant ``index`` of a grid (or a batch of variants) that starts at ``seed``:
    ``seed + index``, wrapping past `MAX_SEED` to 0, so that every seed a preset may hold gives a
    whole grid."""
    return (int(seed) + int(index)) % (MAX_SEED + 1)


@dataclass
class Result:
    image: np.ndarray
    trace: list[dict]
    seed: int

    @property
    def summary(self) -> str:
        return summarize(self.trace)


class Pipeline:
    """An ordered list of steps and groups, with a name, a description and a default seed."""

    def __init__(self, steps: list[Node] = (), *, name: str = "", description: str = "", seed: int = 0):
        self.steps = list(steps)
        self.name = name
        self.description = description
        self.seed = seed
        self._stream: np.random.Generator | None = None
        # Steps built in Python go through the same validation as a loaded preset, and keep the
        # checked, canonical values (so a save re-saves byte for byte).
        self.steps, header = presets.parse_preset(self.to_dict(), source="<pipeline>")
        self.seed = header["seed"]

    # ---- running ----

    def apply(self, image: np.ndarray, seed: int | None = None) -> Result:
        """Augment one image. Without ``seed``, the next seed of the pipeline's own stream is used
        (seeded from the preset's seed), and the result records it so it can be reproduced."""
        check_image(image)
        image = np.ascontiguousarray(image)  # see "Memory layouts" in `augview.core.registry`
        if seed is None:
            seed = self.next_seed()
        elif isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed <= MAX_SEED:
            raise ValueError(f"seed must be an integer between 0 and {MAX_SEED}, got {seed!r}")
        seed = int(seed)
        out, trace = run_nodes(self.steps, image, seed)
        if out is image:
            out = image.copy()  # nothing fired: still never hand back the caller's array
        return Result(np.ascontiguousarray(out), trace, seed)

    def __call__(self, image: np.ndarray, seed: int | None = None) -> np.ndarray:
        return self.apply(image, seed).image

    def next_seed(self) -> int:
        """The next seed of this process's stream: what `apply` uses when it gets no seed.

        Each process has its own stream, so a pipeline used as a dataset transform in PyTorch
        ``DataLoader`` workers or a ``multiprocessing`` pool never repeats another worker's
        augmentations. The stream is ``SeedSequence(entropy, spawn_key=(worker id,))``, with
        entropy the pipeline's ``seed`` and the worker id taken from, in this order:

        1. `seed_worker` (``pipe.seed_worker(i)``), when it was called;
        2. PyTorch: ``torch.utils.data.get_worker_info()``, when torch is already imported (augview
           never imports it). The entropy is then ``[seed, info.seed]``: torch draws a new
           ``info.seed`` for each epoch's workers (reproducible after ``torch.manual_seed``), so
           epochs do not repeat the same augmentations;
        3. ``multiprocessing``: the process's identity, ``(1,)`` for the first child process
           started, ``(2,)`` for the next, ``(1, 3)`` for a grandchild... (reproducible when a
           program starts its processes in the same order);
        4. otherwise (the main process): no spawn key, ``default_rng(seed)``, one stream per
           `Pipeline` object.

        A stream never crosses a process boundary: a pickled copy, or a copy inherited by
        ``fork``, starts its own stream in the process that uses it. In a worker (cases 1 to 3) the
        stream belongs to the process: every copy of the same pipeline there draws from it, so a
        pool that unpickles a fresh copy for each task still never repeats a seed.
        """
        pid = os.getpid()
        if self._stream is None or getattr(self, "_stream_pid", None) != pid:
            sequence = self._stream_seed()
            if sequence.spawn_key:
                key = (pid, tuple(sequence.entropy) if isinstance(sequence.entropy, (list, tuple))
                       else sequence.entropy, sequence.spawn_key,
                       json.dumps(self.to_dict(), sort_keys=True, default=repr))
                stream = _WORKER_STREAMS.get(key)
                if stream is None:
                    stream = _WORKER_STREAMS[key] = np.random.default_rng(sequence)
            else:
                stream = np.random.default_rng(sequence)
            self._stream, self._stream_pid = stream, pid
        return int(self._stream.integers(0, MAX_SEED, endpoint=True))

    def seed_worker(self, worker_id: int) -> "Pipeline":
        """Draw from now on from worker ``worker_id``'s stream in this process (see `next_seed`),
        e.g. in a ``multiprocessing`` pool initializer; returns the pipeline. Copies and pickles
        keep the id."""
        if isinstance(worker_id, bool) or not isinstance(worker_id, (int, np.integer)) or worker_id < 0:
            raise ValueError(f"worker_id must be a non-negative integer, got {worker_id!r}")
        self._worker_id = int(worker_id)
        self._stream = None
        return self

    def _stream_seed(self) -> np.random.SeedSequence:
        worker_id = getattr(self, "_worker_id", None)
        if worker_id is not None:
            return np.random.SeedSequence(self.seed, spawn_key=(worker_id,))
        info = _torch_worker_info()
        if info is not None:
            return np.random.SeedSequence([self.seed, int(info.seed) % 2**64], spawn_key=(int(info.id),))
        import multiprocessing

        identity = tuple(multiprocessing.current_process()._identity)
        if identity:
            return np.random.SeedSequence(self.seed, spawn_key=identity)
        return np.random.SeedSequence(self.seed)

    @staticmethod
    def replay(image: np.ndarray, trace: list[dict]) -> np.ndarray:
        """Apply exactly what a trace drew (no randomness)."""
        check_image(image)
        out = replay(np.ascontiguousarray(image), trace)
        return out.copy() if out is image else np.ascontiguousarray(out)

    # ---- presets ----

    def to_dict(self) -> dict:
        return presets.preset_dict(self.steps, self.name, self.description, self.seed)

    @classmethod
    def from_dict(cls, data: Any, source: str = "<preset>") -> "Pipeline":
        nodes, header = presets.parse_preset(data, source)
        return cls(nodes, **header)

    @classmethod
    def load(cls, path: str | os.PathLike) -> "Pipeline":
        return cls.from_dict(presets.read_preset_file(path), source=str(path))

    def save(self, path: str | os.PathLike) -> None:
        presets.write_preset_file(path, self.to_dict())

    # ---- plumbing ----

    def __getstate__(self):
        # A stream is per process: a copy sent to a worker starts its own (see `next_seed`).
        state = self.__dict__.copy()
        state["_stream"] = None
        state.pop("_stream_pid", None)
        return state

    def __eq__(self, other):
        return isinstance(other, Pipeline) and self.to_dict() == other.to_dict()

    def __repr__(self):
        return f"Pipeline(name={self.name!r}, steps={len(self.steps)}, seed={self.seed})"


# A worker process's streams, by (pid, entropy, spawn key, pipeline): see `Pipeline.next_seed`.
_WORKER_STREAMS: dict[tuple, np.random.Generator] = {}


def _torch_worker_info():
    """PyTorch's ``get_worker_info()`` inside a DataLoader worker, else None; never imports torch."""
    data = sys.modules.get("torch.utils.data")
    if data is None:
        return None
    try:
        return data.get_worker_info()
    except Exception:
        return None

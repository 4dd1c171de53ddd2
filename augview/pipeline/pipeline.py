"""`Pipeline`: the public object that training code and the window share.

    pipe = augview.Pipeline.load("presets/light_classification.json")
    out = pipe(image, seed=7)                 # pixels only
    result = pipe.apply(image, seed=7)        # pixels, trace and the seed used
    print(result.summary)                     # "horizontal_flip, rotate angle=12.3°"
    result = pipe.apply(image, seed=7, mask=mask, boxes=boxes, box_labels=labels, keypoints=points)

Same preset + same image + same seed gives the same pixels, in any process, and the same targets.
"""

from __future__ import annotations

import copy
import json
import os
import sys
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

from augview.pipeline import presets
from augview.core.images import check_image
from augview.errors import InvalidTargetsError, OptionError
from augview.pipeline.nodes import Node
from augview.pipeline.run import images_only_steps, replay as replay_trace, run_nodes, summarize
from augview.targets import boxes as box_rules
from augview.targets.settings import TargetSettings
from augview.targets.target_set import TargetSet
from augview.text import tr

MAX_SEED = presets.MAX_SEED


def variant_seed(seed: int, index: int) -> int:
    """The seed of variant ``index`` of a grid (or a batch of variants) that starts at ``seed``:
    ``seed + index``, wrapping past `MAX_SEED` to 0, so that every seed a preset may hold gives a
    whole grid."""
    return (int(seed) + int(index)) % (MAX_SEED + 1)


@dataclass
class Result:
    """What one application made. The target fields are None unless that kind was given:

    - ``mask`` / ``masks``: the label maps, moved like the pixels (``mask`` is ``masks[0]``);
    - ``boxes``: the kept boxes, (N, 4) float64 in the ``box_format`` they were given in, clipped to
      the image; ``box_ids`` their positions in the input; ``box_labels`` the labels given for them;
    - ``keypoints``: (K, 2) or (K, 4) float64 (x, y, angle in degrees, scale); ``keypoint_ids``
      their positions in the input; ``keypoints_visible`` which lie in the image (all, unless the
      settings keep keypoints that leave it).
    """

    image: np.ndarray
    trace: list[dict]
    seed: int
    masks: list[np.ndarray] | None = None
    boxes: np.ndarray | None = None
    box_ids: np.ndarray | None = None
    box_labels: list | np.ndarray | None = None
    keypoints: np.ndarray | None = None
    keypoint_ids: np.ndarray | None = None
    keypoints_visible: np.ndarray | None = None
    settings: TargetSettings | None = None

    @property
    def summary(self) -> str:
        return summarize(self.trace)

    @property
    def mask(self) -> np.ndarray | None:
        return self.masks[0] if self.masks else None


class Pipeline:
    """An ordered list of steps and groups, with a name, a description and a default seed."""

    def __init__(self, steps: list[Node] = (), *, name: str = "", description: str = "", seed: int = 0,
                 targets: TargetSettings | dict | None = None, training_tail: list[dict] = ()):
        self.steps = list(steps)
        self.name = name
        self.description = description
        self.seed = seed
        # What training does after the augmentations (Normalize, ToTensorV2...): kept and
        # exported, never run here (see `augview.pipeline.presets.parse_training_tail`).
        self.training_tail = list(training_tail)
        self._stream: np.random.Generator | None = None
        # Steps built in Python go through the same validation as a loaded preset, and keep the
        # checked, canonical values (so a save re-saves byte for byte).
        data = self.to_dict()
        data["targets"] = (targets.to_dict() if isinstance(targets, TargetSettings)
                           else {} if targets is None else targets)
        self.steps, header = presets.parse_preset(data, source="<pipeline>")
        self.seed = header["seed"]
        self.targets: TargetSettings = header["targets"]
        self.training_tail = header["training_tail"]

    # ---- running ----

    def apply(self, image: np.ndarray, seed: int | None = None, *, mask=None, masks=None, boxes=None,
              box_format: str = "pascal_voc", box_labels=None, keypoints=None) -> Result:
        """Augment one image, and with it any masks, boxes and keypoints given (see `Result`).
        Without ``seed``, the next seed of the pipeline's own stream is used (seeded from the
        preset's seed), and the result records it so it can be reproduced."""
        check_image(image)
        image = np.ascontiguousarray(image)  # see "Memory layouts" in `augview.core.registry`
        seed = self.next_seed() if seed is None else _checked_seed(seed)
        targets = _target_set(image, self.targets, mask, masks, boxes, box_format, box_labels, keypoints)
        if targets is not None:
            blocked = images_only_steps(self.steps)
            if blocked:
                raise InvalidTargetsError(tr("{op} blends several augmented copies of the image, so masks, boxes "
                                             "and keypoints cannot follow it; disable it for annotated data").format(
                    op=blocked[0]))
        out, trace = run_nodes(self.steps, image, seed, targets=targets)
        result = Result(_own_copy(out, image), trace, seed)
        return _with_targets(result, targets, box_format, box_labels, given=(mask, masks, boxes, keypoints))

    def __call__(self, image: np.ndarray, seed: int | None = None) -> np.ndarray:
        """The augmented pixels: ``apply(image, seed).image``, without building the trace."""
        check_image(image)
        image = np.ascontiguousarray(image)
        seed = self.next_seed() if seed is None else _checked_seed(seed)
        return _own_copy(run_nodes(self.steps, image, seed, trace=False)[0], image)

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
        stream = self._stream
        if stream is None or getattr(self, "_stream_pid", None) != pid:
            # Made once, under a lock: threads that all found no stream would each make their own
            # from the same seed and draw the same seeds again.
            with _STREAM_LOCK:
                stream = self._stream
                if stream is None or getattr(self, "_stream_pid", None) != pid:
                    stream = self._new_stream(pid)
                    self._stream, self._stream_pid = stream, pid
        # 63 random bits: any seed in [0, MAX_SEED], without Generator.integers' per-call cost
        # (random_raw holds the generator's own lock: threads never get the same bits).
        return int(stream.bit_generator.random_raw()) & MAX_SEED

    def _new_stream(self, pid: int) -> np.random.Generator:
        sequence = self._stream_seed()
        if not sequence.spawn_key:
            return np.random.default_rng(sequence)
        key = (pid, tuple(sequence.entropy) if isinstance(sequence.entropy, (list, tuple))
               else sequence.entropy, sequence.spawn_key, json.dumps(self.to_dict(), sort_keys=True, default=repr))
        stream = _WORKER_STREAMS.get(key)
        if stream is None:
            stream = _WORKER_STREAMS[key] = np.random.default_rng(sequence)
        return stream

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
    def replay(image: np.ndarray, trace: list[dict], *, mask=None, masks=None, boxes=None,
               box_format: str = "pascal_voc", box_labels=None, keypoints=None,
               settings: TargetSettings | dict | None = None):
        """Apply exactly what a trace drew (no randomness). With only an image, returns the pixels;
        with targets, a `Result` whose targets moved as in the first run (pass the pipeline's
        ``settings``, e.g. ``result.settings``, when they are not the defaults)."""
        check_image(image)
        if settings is None:
            settings = TargetSettings()
        elif not isinstance(settings, TargetSettings):
            # A dict as a preset's "targets" (as Pipeline(targets=...) takes): checked the same way.
            settings = Pipeline(targets=settings).targets
        targets = _target_set(image, settings, mask, masks, boxes, box_format, box_labels, keypoints)
        out = replay_trace(np.ascontiguousarray(image), trace, targets)
        if targets is None:
            return _own_copy(out, image)
        return _with_targets(Result(_own_copy(out, image), trace, -1), targets, box_format, box_labels,
                             given=(mask, masks, boxes, keypoints))

    # ---- presets ----

    def to_dict(self) -> dict:
        return presets.preset_dict(self.steps, self.name, self.description, self.seed,
                                   getattr(self, "targets", None), getattr(self, "training_tail", None))

    @classmethod
    def from_dict(cls, data: Any, source: str = "<preset>") -> "Pipeline":
        nodes, header = presets.parse_preset(data, source)
        return cls(nodes, **header)

    @classmethod
    def load(cls, path: str | os.PathLike) -> "Pipeline":
        return cls.from_dict(presets.read_preset_file(path), source=str(path))

    def save(self, path: str | os.PathLike) -> None:
        presets.write_preset_file(path, self.to_dict())

    def copy(self, share_nodes: bool = False) -> "Pipeline":
        """An independent copy, e.g. for a render on another thread while the original is being
        edited: its own steps (editing one never changes the other), and the stream of seeds a
        pickled copy gets (see `next_seed`: in the main process, a new one from ``seed``).
        ``share_nodes``: the copy's list holds the same nodes (instant for 10,000 steps), for an
        owner that replaces nodes instead of changing them (the window's document)."""
        twin = copy.copy(self)
        twin.steps = list(self.steps) if share_nodes else copy.deepcopy(self.steps)
        twin._stream = None
        twin.__dict__.pop("_stream_pid", None)
        return twin

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


def _checked_seed(seed) -> int:
    if type(seed) is int and 0 <= seed <= MAX_SEED:  # the common case, checked first
        return seed
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed <= MAX_SEED:
        # OptionError is a ValueError too: callers catching either see it, and the window and
        # the command line, which catch augview's errors, say it in one sentence.
        raise OptionError(tr("seed must be an integer between 0 and {max}, got {value}").format(max=MAX_SEED, value=repr(seed)))
    return int(seed)


def _own_copy(out: np.ndarray, image: np.ndarray) -> np.ndarray:
    """What a run hands back: never the caller's array (a copy when nothing fired), C-ordered."""
    return image.copy() if out is image else np.ascontiguousarray(out)


def _target_set(image, settings, mask, masks, boxes, box_format, box_labels, keypoints) -> TargetSet | None:
    if mask is not None and masks is not None:
        raise InvalidTargetsError(tr("give mask= or masks=, not both"))
    if box_labels is not None and boxes is None:
        raise InvalidTargetsError(tr("box_labels were given without boxes"))
    if box_labels is not None and (isinstance(box_labels, (str, bytes, dict))
                                   or not (hasattr(box_labels, "__len__") and hasattr(box_labels, "__getitem__"))):
        # A string is a sequence of characters, a dict of its keys: "cat" for three boxes
        # would have labelled them "c", "a" and "t".
        raise InvalidTargetsError(tr("box_labels must be a list, tuple or array with one label per box, got {kind}").format(
            kind=type(box_labels).__name__))
    all_masks = [mask] if mask is not None else list(masks) if masks is not None else []
    if not all_masks and boxes is None and keypoints is None:
        return None
    targets = TargetSet.build(image.shape, settings, all_masks, boxes, box_format, keypoints)
    if box_labels is not None and len(box_labels) != targets.boxes_given:
        raise InvalidTargetsError(tr("{labels} box labels for {boxes} boxes").format(
            labels=len(box_labels), boxes=targets.boxes_given))
    return targets


def _with_targets(result: Result, targets: TargetSet | None, box_format, box_labels, given) -> Result:
    if targets is None:
        return result
    mask, masks, boxes, keypoints = given
    result.settings = targets.settings
    if mask is not None or masks is not None:
        result.masks = targets.masks
    if boxes is not None:
        result.boxes = box_rules.from_pixels(targets.boxes, box_format, targets.shape)
        result.box_ids = targets.box_ids
        if box_labels is not None:
            result.box_labels = (box_labels[targets.box_ids] if isinstance(box_labels, np.ndarray)
                                 else [box_labels[i] for i in targets.box_ids])
    if keypoints is not None:
        result.keypoints = targets.points
        result.keypoint_ids = targets.point_ids
        result.keypoints_visible = targets.points_visible()
    return result


# A worker process's streams, by (pid, entropy, spawn key, pipeline): see `Pipeline.next_seed`.
_WORKER_STREAMS: dict[tuple, np.random.Generator] = {}
_STREAM_LOCK = threading.Lock()  # making a stream (see `Pipeline.next_seed`)


def _torch_worker_info():
    """PyTorch's ``get_worker_info()`` inside a DataLoader worker, else None; never imports torch."""
    data = sys.modules.get("torch.utils.data")
    if data is None:
        return None
    try:
        return data.get_worker_info()
    except Exception:
        return None

"""`Pipeline` in a training loop: picklable, and an independent, reproducible random stream in every
worker process (multiprocessing here; PyTorch's DataLoader only when torch is installed)."""

from __future__ import annotations

import multiprocessing
import pickle
import subprocess
import sys
import types

import numpy as np
import pytest

import augview
from augview.pipeline import pipeline as pipeline_module
from augview.pipeline.pipeline import MAX_SEED
from tests.conftest import ROOT


def make_pipeline(seed: int = 11) -> augview.Pipeline:
    return augview.Pipeline([
        augview.Step("horizontal_flip", p=0.5),
        augview.Step("rotate", {"limit": (-30, 30)}),
        augview.Step("gaussian_noise", p=0.5),
    ], name="workers", seed=seed)


def stream(seed: int, spawn_key=(), entropy=None, count: int = 4) -> list[int]:
    """What `next_seed` documents: draws of SeedSequence(entropy or seed, spawn_key)."""
    rng = np.random.default_rng(np.random.SeedSequence(seed if entropy is None else entropy, spawn_key=spawn_key))
    return [int(rng.bit_generator.random_raw()) & MAX_SEED for _ in range(count)]


class AugmentedImages:
    """A dataset as a training loop writes one: ``__getitem__`` calls the pipeline without a seed."""

    def __init__(self, image: np.ndarray, pipe: augview.Pipeline, length: int):
        self.image, self.pipe, self.length = image, pipe, length

    def __len__(self):
        return self.length

    def __getitem__(self, index):
        return self.pipe(self.image)


# ---- worker-side functions (module level, so spawned workers can import them) ----------------

_DATASET = None


def _init_dataset(dataset):
    global _DATASET
    _DATASET = dataset


def _item(index):
    return index, _DATASET[index]


def _seed_of_copy(args):
    """A task that receives its own pickled copy of the pipeline, as ``pool.map(f, [(pipe, x)...])``
    does."""
    pipe, index = args
    return index, multiprocessing.current_process()._identity, pipe.next_seed()


def _draws(pipe, count=3):
    return multiprocessing.current_process()._identity, [pipe.next_seed() for _ in range(count)]


def _report_draws(pipe, queue):
    queue.put(_draws(pipe))


def process_draws() -> list:
    """Two spawned processes' identities and first draws (a fresh interpreter runs this twice)."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    processes = [context.Process(target=_report_draws, args=(make_pipeline(), queue)) for _ in range(2)]
    for process in processes:
        process.start()
    results = sorted(queue.get(timeout=60) for _ in processes)
    for process in processes:
        process.join()
    return results


@pytest.fixture(autouse=True)
def fresh_worker_streams(monkeypatch):
    """Worker streams live as long as their process; each test starts with none."""
    monkeypatch.setattr(pipeline_module, "_WORKER_STREAMS", {})


# ---- pickling --------------------------------------------------------------------------------


def test_pipeline_pickles_with_its_steps_and_same_pixels(small_rgb):
    pipe = make_pipeline()
    copy = pickle.loads(pickle.dumps(pipe))
    assert copy == pipe and copy.to_dict() == pipe.to_dict()
    for seed in (0, 5, MAX_SEED):
        np.testing.assert_array_equal(copy(small_rgb, seed=seed), pipe(small_rgb, seed=seed))
        assert copy.apply(small_rgb, seed=seed).trace == pipe.apply(small_rgb, seed=seed).trace


def test_main_process_stream_is_the_preset_seed_and_a_copy_starts_its_own():
    pipe = make_pipeline(seed=11)
    first = [pipe.next_seed() for _ in range(4)]
    assert first == stream(11)  # == default_rng(11): unchanged for existing code
    copy = pickle.loads(pickle.dumps(pipe))
    assert [copy.next_seed() for _ in range(4)] == first  # the stream position is not pickled
    assert pipe.next_seed() not in first


def test_a_copy_has_its_own_steps_and_starts_its_own_stream(small_rgb):
    pipe = make_pipeline(seed=11)
    first = [pipe.next_seed() for _ in range(3)]
    twin = pipe.copy()
    assert twin == pipe and twin is not pipe and twin.steps is not pipe.steps
    assert [twin.next_seed() for _ in range(3)] == first  # from the start, as a pickled copy
    assert pipe.next_seed() not in first  # the original goes on where it was
    twin.steps[0].params.clear()
    twin.steps.pop()
    assert pipe == make_pipeline(seed=11)  # editing the copy leaves the original alone
    np.testing.assert_array_equal(pipe.copy()(small_rgb, seed=4), pipe(small_rgb, seed=4))


def test_seed_worker_selects_the_documented_stream():
    pipe = make_pipeline(seed=11).seed_worker(3)
    assert [pipe.next_seed() for _ in range(4)] == stream(11, (3,))
    assert len({stream(11, (i,))[0] for i in range(8)} | {stream(11)[0]}) == 9
    assert pickle.loads(pickle.dumps(pipe))._worker_id == 3
    for bad in (-1, 1.5, True, "0"):
        with pytest.raises(ValueError, match="worker_id"):
            make_pipeline().seed_worker(bad)


# ---- multiprocessing -------------------------------------------------------------------------


def test_dataset_items_differ_across_pool_workers(small_rgb):
    """The dataset is sent once to each worker (Pool initializer): every item is augmented with a
    different seed, and each worker's items follow its documented stream."""
    dataset = AugmentedImages(small_rgb, make_pipeline(), 16)
    context = multiprocessing.get_context("spawn")
    with context.Pool(2, initializer=_init_dataset, initargs=(dataset,)) as pool:
        items = pool.map(_item, range(len(dataset)), chunksize=1)
    images = [image for _, image in items]
    assert all(image.shape == small_rgb.shape for image in images)
    distinct = {image.tobytes() for image in images}
    assert len(distinct) == len(images)
    main_process = {make_pipeline()(small_rgb).tobytes()}  # the main process's first draw
    assert not distinct & main_process


def test_a_fresh_copy_per_task_still_never_repeats_a_seed():
    """``pool.map`` pickles a new copy of the pipeline with every task: within a worker, copies
    share the worker's stream, so seeds continue instead of restarting."""
    pipe = make_pipeline()
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        results = pool.map(_seed_of_copy, [(pipe, i) for i in range(24)], chunksize=1)
    seeds = [seed for _, _, seed in results]
    assert len(set(seeds)) == len(seeds)
    by_worker: dict[tuple, list[int]] = {}
    for _, identity, seed in sorted(results):
        by_worker.setdefault(identity, []).append(seed)
    for identity, drawn in by_worker.items():
        assert identity and drawn == stream(11, identity, count=len(drawn))


def test_worker_streams_are_reproducible_across_runs():
    code = "from tests.test_workers import process_draws; print(process_draws())"
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                           timeout=120) for _ in range(2)]
    assert all(run.returncode == 0 for run in runs), runs[0].stderr
    assert runs[0].stdout == runs[1].stdout
    (first_id, first), (second_id, second) = eval(runs[0].stdout)  # [((1,), [...]), ((2,), [...])]
    assert (first_id, second_id) == ((1,), (2,))
    assert first == stream(11, (1,), count=3) and second == stream(11, (2,), count=3)


_INHERITED = make_pipeline()


def _draws_of_inherited(_index):
    return _draws(_INHERITED)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_forked_workers_do_not_inherit_the_parents_stream():
    _INHERITED._stream = None
    assert _INHERITED.next_seed() == stream(11)[0]  # the parent's stream exists when workers fork
    with multiprocessing.get_context("fork").Pool(2) as pool:
        results = pool.map(_draws_of_inherited, range(4), chunksize=1)
    by_worker: dict[tuple, list[int]] = {}
    for identity, drawn in results:
        by_worker.setdefault(identity, []).extend(drawn)
    for identity, drawn in by_worker.items():
        assert identity and drawn == stream(11, identity, count=len(drawn))
    assert [_INHERITED.next_seed() for _ in range(3)] == stream(11)[1:4]  # the parent's goes on


# ---- PyTorch ---------------------------------------------------------------------------------


def test_torch_worker_info_is_used_without_importing_torch(monkeypatch):
    """In a DataLoader worker the stream comes from the pipeline seed, torch's per-epoch worker seed
    and the worker id (faked here: the real thing is tested below when torch is installed)."""
    info = types.SimpleNamespace(id=1, seed=987654321)
    fake = types.ModuleType("torch.utils.data")
    fake.get_worker_info = lambda: info
    monkeypatch.setitem(sys.modules, "torch.utils.data", fake)
    pipe = make_pipeline()
    assert [pipe.next_seed() for _ in range(3)] == stream(11, (1,), entropy=[11, 987654321], count=3)
    info.seed = 123  # the next epoch's workers
    assert make_pipeline().next_seed() == stream(11, (1,), entropy=[11, 123], count=1)[0]


def test_augview_never_imports_torch():
    code = ("import sys, augview, numpy as np; "
            "augview.Pipeline([augview.Step('rotate')])(np.zeros((8, 8, 3), np.uint8)); "
            "print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


class SeedsDataset:
    """A map-style dataset (all DataLoader needs: __len__ and __getitem__) of the seeds drawn."""

    def __init__(self, pipe):
        self.pipe = pipe

    def __len__(self):
        return 8

    def __getitem__(self, index):
        return self.pipe.next_seed()


def test_torch_dataloader_workers():
    torch = pytest.importorskip("torch")
    from torch.utils.data import DataLoader

    def epoch(loader):
        return [int(seed) for batch in loader for seed in batch]

    torch.manual_seed(0)
    loader = DataLoader(SeedsDataset(make_pipeline()), batch_size=2, num_workers=2)
    first, second = epoch(loader), epoch(loader)
    assert len(set(first)) == 8 and set(first) != set(second)  # workers and epochs differ
    torch.manual_seed(0)
    assert epoch(DataLoader(SeedsDataset(make_pipeline()), batch_size=2, num_workers=2)) == first


def test_threads_sharing_an_unseeded_pipeline_never_repeat_a_seed(monkeypatch):
    """A thread pool calling one pipeline without seeds (a DataLoader with threads, a web
    service): the stream is made once. Threads that all found none each made their own from the
    same seed, and 1600 calls drew about 600 different seeds."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    original = pipeline_module.Pipeline._stream_seed

    def slow(self):  # widens the window in which every thread finds no stream yet
        time.sleep(0.02)
        return original(self)

    monkeypatch.setattr(pipeline_module.Pipeline, "_stream_seed", slow)
    pipe = make_pipeline(seed=3)
    start = threading.Barrier(4)

    def draw(_):
        start.wait()
        return [pipe.next_seed() for _ in range(200)]

    with ThreadPoolExecutor(4) as pool:
        seeds = [seed for batch in pool.map(draw, range(4)) for seed in batch]
    assert len(set(seeds)) == len(seeds) == 800
    assert sorted(seeds) == sorted(stream(3, count=800))  # the one documented stream, shared

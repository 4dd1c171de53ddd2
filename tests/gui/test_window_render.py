"""What the window shows: start-up content, the seed lock, and the render worker never painting a
stale result."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

import augview
from augview import Pipeline
from augview.core import paths
from augview.gui.main_window import FULL_RESOLUTION_DELAY_MS
from augview.gui.render_worker import RenderJob, RenderOutput, RenderWorker, to_qimage
from .conftest import RENDER_TIMEOUT, wait_render


def qimage_array(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * height)
    return raw.reshape(height, image.bytesPerLine())[:, : width * 3].reshape(height, width, 3).copy()


def drawn(output, op: str) -> list:
    """What ``op`` drew in each variant."""
    return [next(e.get("drawn") for e in r.trace if e.get("op") == op) for r in output.results]


# ---- start-up -----------------------------------------------------------------------------------


def test_no_arguments_open_the_sample_and_the_default_preset(qtbot, make_window):
    window = make_window()
    assert Path(window.image_path) == paths.SAMPLE_IMAGE
    assert Path(window.document.path) == paths.DEFAULT_PRESET
    assert window.document.pipeline == Pipeline.load(paths.DEFAULT_PRESET)
    assert window.image.shape == augview.load_image(paths.SAMPLE_IMAGE).shape
    assert "astronaut.png" in window.windowTitle()
    assert window.document.pipeline.name in window.windowTitle()
    assert not window.isWindowModified() and not window.document.dirty
    assert window.panel.tree.topLevelItemCount() == len(window.document.pipeline.steps)
    assert window.name_edit.text() == window.document.pipeline.name
    # The built-in defaults are not "recent files".
    assert not window.settings.value("recent_images") and not window.settings.value("recent_presets")


def test_arguments_open_that_image_and_preset(make_window, image_file, preset_file):
    window = make_window(image=image_file, preset=preset_file)
    assert window.image_path == str(image_file)
    assert window.document.path == str(preset_file)
    assert window.image.shape == (48, 64, 3)
    assert window.document.pipeline.name == "test preset"
    assert window.seed_spin.value() == 7  # the preset's seed
    assert window.windowTitle().startswith("test preset[*] — small.png")
    assert window.settings.value("recent_images") == [str(image_file)]
    assert window.settings.value("last_preset") == str(preset_file)


def test_the_first_render_is_painted(window):
    out = window.last_output
    cells = window.preview.cells
    assert len(cells) == 1 + window.count_spin.value()  # the original and the variants
    assert cells[0].pane.image == out.original
    for cell, image in zip(cells[1:], out.images):
        assert cell.pane.image == image
    assert "64×48" in cells[0].caption.text()
    assert "rotate" in cells[1].caption.text()
    assert "rotate" in cells[1].caption.toolTip()


def test_side_by_side_shows_one_variant(qtbot, window):
    window.mode_box.setCurrentIndex(window.mode_box.findData("side"))
    out = wait_render(qtbot, window)
    assert len(out.results) == 1 and len(window.preview.cells) == 2
    window.mode_box.setCurrentIndex(window.mode_box.findData("grid"))
    window.count_spin.setValue(5)
    out = wait_render(qtbot, window)
    assert len(out.results) == 5 and len(window.preview.cells) == 6


# ---- seed lock ----------------------------------------------------------------------------------


def test_locked_seed_and_same_parameters_give_the_same_pixels(qtbot, window):
    assert window.lock_box.isChecked()
    first = window.last_output
    window.request_render()
    second = wait_render(qtbot, window)
    assert second.job_id != first.job_id
    for a, b in zip(first.results, second.results):
        assert np.array_equal(a.image, b.image)
        assert a.trace == b.trace
    for a, b in zip(first.images, second.images):
        assert a == b  # the painted QImages too
    # ...and the same pixels a training script gets from the library with that seed.
    seed = window.seed_spin.value()
    for i, (result, image) in enumerate(zip(second.results, second.images)):
        expected = window.document.pipeline.apply(window.proxy, seed=seed + i).image
        assert np.array_equal(result.image, expected)
        assert np.array_equal(qimage_array(image), expected)


def test_locked_seed_editing_one_step_leaves_the_others_draws(qtbot, window):
    seed = window.seed_spin.value()
    before = window.last_output
    window.document.set_param((1,), "brightness_limit", (0.3, 0.5))
    after = wait_render(qtbot, window)
    assert window.seed_spin.value() == seed
    assert drawn(after, "rotate") == drawn(before, "rotate")  # unrelated step: untouched
    assert [r.trace[2] for r in after.results] == [r.trace[2] for r in before.results]
    assert drawn(after, "brightness_contrast") != drawn(before, "brightness_contrast")
    for d in drawn(after, "brightness_contrast"):
        value = d.get("brightness", next(iter(d.values())))
        assert 0.3 <= value <= 0.5


def test_locked_seed_changing_a_probability_keeps_other_draws(qtbot, window):
    before = window.last_output
    window.document.set_p((0,), 0.0)  # rotate never fires now
    after = wait_render(qtbot, window)
    assert all(r.trace[0]["fired"] is False for r in after.results)
    assert drawn(after, "brightness_contrast") == drawn(before, "brightness_contrast")


def test_unlocked_seed_an_edit_draws_a_new_seed(qtbot, window):
    window.lock_box.setChecked(False)
    seed = window.seed_spin.value()
    window.document.set_param((0,), "limit", (-10.0, 10.0))
    assert window.seed_spin.value() != seed
    out = wait_render(qtbot, window)
    assert out.results[0].seed == window.seed_spin.value()


def test_reroll_draws_new_variants(qtbot, window):
    before = window.last_output
    seed = window.seed_spin.value()
    window.reroll_button.click()
    assert window.seed_spin.value() != seed
    after = wait_render(qtbot, window)
    assert after.results[0].seed == window.seed_spin.value()
    assert drawn(after, "rotate") != drawn(before, "rotate")


# ---- the worker never paints a stale result -----------------------------------------------------


@pytest.fixture
def painted(monkeypatch, window):
    """The job id of every output the window paints."""
    ids = []
    original = window.preview.show_images

    def spy(*args):
        ids.append(window.last_output.job_id)
        original(*args)

    monkeypatch.setattr(window.preview, "show_images", spy)
    return ids


@pytest.fixture
def slow_seed(monkeypatch):
    """Pipeline.apply with this seed takes 0.4 s (a big photo, a slow op)."""
    SLOW = 1234
    real_apply = Pipeline.apply

    def apply(self, image, seed=None):
        if seed == SLOW:
            time.sleep(0.4)
        return real_apply(self, image, seed)

    monkeypatch.setattr(Pipeline, "apply", apply)
    return SLOW


def test_quick_requests_paint_only_the_newest(qtbot, window, painted):
    delivered = []
    window.worker.finished.connect(lambda out: delivered.append(out.job_id))
    for count in (2, 3, 4, 5, 6):
        window.count_spin.setValue(count)
    newest = window.renders.ticket
    out = wait_render(qtbot, window)
    qtbot.wait(50)  # anything still in flight would arrive now
    assert out.job_id == newest and len(out.results) == 6
    assert painted == [newest]
    assert max(delivered) == newest


def test_a_slow_stale_result_is_not_painted(qtbot, window, painted, slow_seed):
    window.mode_box.setCurrentIndex(window.mode_box.findData("side"))  # one variant per job
    wait_render(qtbot, window)
    painted.clear()
    delivered = []
    window.worker.finished.connect(lambda out: delivered.append(out.job_id))
    window.seed_spin.setValue(slow_seed)  # job A starts and takes 0.4 s
    qtbot.waitUntil(lambda: window.worker.busy, timeout=RENDER_TIMEOUT)
    stale = window.renders.ticket
    window.seed_spin.setValue(99)  # job B, requested while A runs
    newest = window.renders.ticket
    out = wait_render(qtbot, window)
    qtbot.waitUntil(lambda: stale in delivered, timeout=RENDER_TIMEOUT)  # A did finish...
    qtbot.wait(50)
    assert painted == [newest]  # ...but was never painted
    assert out.results[0].seed == 99
    assert window.last_output.job_id == newest


def test_a_late_stale_output_arriving_after_the_newest_is_ignored(qtbot, window, painted):
    current = window.last_output
    window.request_render()
    newest = wait_render(qtbot, window)
    # An older job's output delivered late (a slower thread, a queued signal): ignored.
    window.worker.finished.emit(RenderOutput(current.job_id, current.results, current.images,
                                             current.original, 0.0))
    qtbot.wait(20)
    assert window.last_output is newest
    assert painted == [newest.job_id]


def test_render_failure_of_the_newest_job_is_shown_in_the_status_bar(qtbot, window):
    window.worker.failed.emit(window.renders.ticket, "rotate: something went wrong")
    qtbot.waitUntil(lambda: "something went wrong" in window.statusBar().currentMessage())
    window.worker.failed.emit(window.renders.ticket - 1, "stale failure")
    qtbot.wait(20)
    assert "stale" not in window.statusBar().currentMessage()


class FakePipeline:
    """Records the seeds it was asked for; the first call blocks until released."""

    def __init__(self):
        self.seeds = []
        self.release = threading.Event()
        self.started = threading.Event()

    def apply(self, image, seed):
        self.seeds.append(seed)
        if len(self.seeds) == 1:
            self.started.set()
            assert self.release.wait(5)
        return augview.Result(image.copy(), [], seed)


@pytest.fixture
def worker():
    w = RenderWorker()
    yield w
    w.stop()


def test_worker_keeps_only_the_newest_pending_job(qtbot, worker):
    image = np.zeros((4, 5, 3), np.uint8)
    fake = FakePipeline()
    outputs = []
    worker.finished.connect(lambda out: outputs.append(out))
    worker.submit(RenderJob(1, fake, image, count=1, seed=100))
    assert fake.started.wait(5)
    for job_id in range(2, 11):  # nine quick requests while job 1 is busy
        worker.submit(RenderJob(job_id, fake, image, count=1, seed=100 * job_id))
    fake.release.set()
    qtbot.waitUntil(lambda: bool(outputs) and outputs[-1].job_id == 10, timeout=RENDER_TIMEOUT)
    assert fake.seeds == [100, 1000]  # jobs 2..9 were replaced before they started
    assert [o.job_id for o in outputs] == [1, 10]


def test_worker_gives_up_a_job_superseded_between_variants(qtbot, worker):
    image = np.zeros((4, 5, 3), np.uint8)
    fake = FakePipeline()
    outputs = []
    worker.finished.connect(lambda out: outputs.append(out))
    worker.submit(RenderJob(1, fake, image, count=4, seed=0))
    assert fake.started.wait(5)
    worker.submit(RenderJob(2, fake, image, count=2, seed=50))
    fake.release.set()
    qtbot.waitUntil(lambda: bool(outputs), timeout=RENDER_TIMEOUT)
    qtbot.wait(50)
    assert [o.job_id for o in outputs] == [2]  # job 1 stopped after its first variant
    assert fake.seeds == [0, 50, 51]
    assert [r.seed for r in outputs[0].results] == [50, 51]


def test_a_cancelled_job_stops_at_its_next_variant_and_delivers_nothing(qtbot, worker):
    image = np.zeros((4, 5, 3), np.uint8)
    fake = FakePipeline()
    outputs = []
    worker.finished.connect(lambda out: outputs.append(out))
    worker.submit(RenderJob(1, fake, image, count=4, seed=0))
    assert fake.started.wait(5)
    worker.cancel()
    fake.release.set()
    qtbot.waitUntil(lambda: not worker.busy, timeout=RENDER_TIMEOUT)
    qtbot.wait(50)
    assert outputs == [] and fake.seeds == [0]
    worker.submit(RenderJob(2, fake, image, count=1, seed=7))  # the worker still takes new jobs
    qtbot.waitUntil(lambda: bool(outputs), timeout=RENDER_TIMEOUT)
    assert outputs[0].job_id == 2


def test_stopping_gives_up_the_job_in_progress_at_its_next_variant(qtbot):
    """Closing the window during a long full-resolution render must not wait for every variant."""
    worker = RenderWorker()
    fake = FakePipeline()
    worker.submit(RenderJob(1, fake, np.zeros((4, 5, 3), np.uint8), count=15, seed=0))
    assert fake.started.wait(5)
    worker.stop(wait=False)
    fake.release.set()
    start = time.perf_counter()
    worker.stop()
    assert time.perf_counter() - start < 2 and not worker._thread.is_alive()
    assert fake.seeds == [0]


def test_worker_survives_a_failing_job(qtbot, worker):
    class Broken:
        def apply(self, image, seed):
            raise RuntimeError("boom")

    failures, outputs = [], []
    worker.failed.connect(lambda job_id, message: failures.append((job_id, message)))
    worker.finished.connect(lambda out: outputs.append(out))
    image = np.zeros((4, 5, 3), np.uint8)
    worker.submit(RenderJob(1, Broken(), image, count=1, seed=0))
    qtbot.waitUntil(lambda: bool(failures), timeout=RENDER_TIMEOUT)
    assert failures[0][0] == 1 and "boom" in failures[0][1]
    worker.submit(RenderJob(2, Pipeline([augview.Step("vertical_flip")]), image, count=1, seed=0))
    qtbot.waitUntil(lambda: bool(outputs), timeout=RENDER_TIMEOUT)
    assert outputs[0].job_id == 2 and not worker.busy


def test_to_qimage_owns_its_pixels():
    rgb = np.arange(4 * 5 * 3, dtype=np.uint8).reshape(4, 5, 3)
    image = to_qimage(rgb)
    rgb[:] = 0
    assert image.format() == QImage.Format.Format_RGB888
    assert (image.width(), image.height()) == (5, 4)
    assert qimage_array(image)[1, 2].tolist() == [21, 22, 23]
    gray = to_qimage(np.arange(20, dtype=np.uint8).reshape(4, 5)[:, ::-1])  # not contiguous
    assert gray.format() == QImage.Format.Format_Grayscale8
    assert gray.pixelColor(0, 0).red() == 4


# ---- big photos, export, zoom -------------------------------------------------------------------


def test_big_photos_preview_on_a_proxy(qtbot, tmp_path, window):
    from .conftest import gradient

    big = tmp_path / "wide.png"
    augview.save_image(big, gradient(60, 1100))
    window.open_image(big)
    qtbot.waitUntil(lambda: window.image_path == str(big), timeout=RENDER_TIMEOUT)
    out = wait_render(qtbot, window)
    assert window.image.shape == (60, 1100, 3)
    assert window.proxy.shape[1] == 1024
    assert out.original.width() == 1024
    caption = window.preview.cells[0].full_caption
    assert "1100×60" in caption
    assert "preview at 1024×" in caption or "full resolution" in caption


def test_a_proxied_photo_is_rendered_again_at_full_resolution(qtbot, tmp_path, window):
    """Once edits pause, the variants on screen are the ones training makes from the photo:
    same trace as the Python API on the full image, shrunk only for display."""
    from .conftest import gradient

    big = tmp_path / "wide.png"
    augview.save_image(big, gradient(300, 1500))
    window.document.replace(augview.Pipeline([augview.Step("coarse_dropout"), augview.Step("random_crop", {
        "height": 200, "width": 900})], name="px"), None)
    window.open_image(big)
    qtbot.waitUntil(lambda: window.last_output is not None and window.last_output.full_resolution
                    and window.image_path == str(big), timeout=RENDER_TIMEOUT)
    out = window.last_output
    seed = window.seed_spin.value()
    for i, result in enumerate(out.results):
        expected = window.document.pipeline.apply(window.image, seed=seed + i)
        assert result.trace == expected.trace
        assert result.image.shape == (200, 900, 3)  # under the display size: not shrunk
        assert np.array_equal(result.image, expected.image)
    assert out.original_array is window.proxy
    assert "full resolution" in window.preview.cells[0].full_caption
    assert "full resolution" in window.status_label.text()

    window.document.set_param((0,), "fill", 9)  # an edit: the proxy first, then full size again
    qtbot.waitUntil(lambda: window.last_output is not out and not window.last_output.full_resolution,
                    timeout=RENDER_TIMEOUT)
    assert "preview at 1024×" in window.preview.cells[0].full_caption
    qtbot.waitUntil(lambda: window.last_output.full_resolution, timeout=RENDER_TIMEOUT)

    full = window.last_output
    window.document.set_header(name="renamed")  # draws nothing new: the full-size variants stay
    qtbot.wait(FULL_RESOLUTION_DELAY_MS + 200)
    assert window.last_output is full and window.windowTitle().startswith("renamed")


def test_a_failed_full_resolution_render_says_so_under_the_original(qtbot, tmp_path, window, monkeypatch):
    from .conftest import gradient

    def fail(job):
        raise MemoryError("simulated: photo too big")

    monkeypatch.setattr(window.full_worker, "_render", fail)
    big = tmp_path / "wide.png"
    augview.save_image(big, gradient(300, 1500))
    window.open_image(big)
    qtbot.waitUntil(lambda: "full-size render failed" in window.preview.cells[0].full_caption,
                    timeout=RENDER_TIMEOUT)
    assert "simulated" in window.statusBar().currentMessage()
    assert not window.last_output.full_resolution and window.preview.cells[1].pane.image is not None


def test_export_grid_writes_a_png(qtbot, tmp_path, window):
    target = tmp_path / "grid.png"
    window.export_grid(str(target))
    qtbot.waitUntil(lambda: "exported" in window.statusBar().currentMessage(), timeout=RENDER_TIMEOUT)
    grid = augview.load_image(target)
    assert grid.shape[0] > 48 and grid.shape[1] > 64


@pytest.mark.parametrize("name, problem", [("missing_folder/grid.png", "cannot write"),
                                           ("grid.gif", "cannot save images as '.gif'"),
                                           (".", "is a folder")])
def test_a_failed_export_is_one_sentence_naming_the_file(qtbot, tmp_path, window, dialogs, name, problem):
    dialogs.allow_warnings = True
    window.export_grid(str(tmp_path / name))
    qtbot.waitUntil(lambda: bool(dialogs.warnings), timeout=RENDER_TIMEOUT)
    message = dialogs.warnings[0]
    assert message.startswith(str(tmp_path / name)) and problem in message
    assert message.count(str(tmp_path / name)) == 1  # named once, not "path: path: ..."
    assert "Errno" not in message and "Error:" not in message


def test_export_dialog_cancel_writes_nothing(tmp_path, window, dialogs, monkeypatch):
    proposed = []
    real = dialogs.get_save
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        staticmethod(lambda parent, caption, start, *a: (proposed.append(start), real(parent, caption))[1]))
    window.settings.setValue("last_dir", str(tmp_path))
    dialogs.save_paths.append("")
    window.export_grid_dialog()
    assert dialogs.file_dialogs == ["Export grid"]
    # proposed in the folder last used, named after the preset and the photo
    assert proposed == [str(tmp_path / "test_preset_small_grid.png")]


def test_side_by_side_disables_the_variant_count(window):
    window.mode_box.setCurrentIndex(window.mode_box.findData("side"))
    assert not window.count_spin.isEnabled()
    window.mode_box.setCurrentIndex(window.mode_box.findData("grid"))
    assert window.count_spin.isEnabled()


def test_zoom_is_shared_by_every_pane(qtbot, window):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent

    from augview.gui.widgets.preview import MAX_ZOOM, MIN_ZOOM

    view = window.preview.view
    window.show()
    assert view.fit and window.zoom_label.text() in ("", "fit")
    assert "wheel zooms" in window.zoom_label.toolTip()  # the bare "fit" / "100%" says what it is
    pane = window.preview.cells[1].pane
    wheel = QWheelEvent(QPointF(10, 10), QPointF(10, 10), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    pane.wheelEvent(wheel)
    assert not view.fit
    assert view.zoom == pytest.approx(1.25)  # times each pane's fit
    assert all(cell.pane.scale() == pytest.approx(cell.pane.fit_scale() * 1.25) for cell in window.preview.cells)
    original = window.preview.cells[0].pane
    assert window.zoom_label.text() == f"{original.scale() * 100:.0f}%"  # the original's pixels
    view.set_zoom(1000)
    assert view.zoom == MAX_ZOOM
    view.set_zoom(0)
    assert view.zoom == MIN_ZOOM
    qtbot.mouseDClick(pane, Qt.MouseButton.LeftButton)
    assert view.fit and window.zoom_label.text() == "fit"
    # The readout follows a pane that changes size at the same zoom (side by side, a resize): it
    # said "100%" while the picture showed at 281%.
    view.set_zoom(1.0)
    window.resize(window.width() + 300, window.height() + 200)
    qtbot.waitUntil(lambda: window.zoom_label.text() == f"{window.preview.cells[0].pane.scale() * 100:.0f}%",
                    timeout=2000)


def test_dragging_a_pane_pans_every_pane(qtbot, window):
    from PySide6.QtCore import QPoint, Qt

    window.show()
    view = window.preview.view
    view.set_zoom(4.0)
    pane = window.preview.cells[0].pane
    start = pane.rect().center()
    qtbot.mousePress(pane, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(pane, start + QPoint(40, 0))
    qtbot.mouseRelease(pane, Qt.MouseButton.LeftButton, pos=start + QPoint(40, 0))
    assert view.center.x() < 0.5  # dragged right: the view moves towards the left edge
    assert view.center.y() == pytest.approx(0.5)


def test_panning_stops_with_the_picture_under_the_middle_of_the_panes(qtbot, window):
    from PySide6.QtCore import QPoint, Qt

    window.show()
    view = window.preview.view
    view.set_zoom(4.0)
    pane = window.preview.cells[0].pane
    start = pane.rect().center()
    qtbot.mousePress(pane, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 40):  # far further than the picture is wide, right and down
        qtbot.mouseMove(pane, start + QPoint(200 * step, 150 * step))
    qtbot.mouseRelease(pane, Qt.MouseButton.LeftButton)
    assert (view.center.x(), view.center.y()) == (0.0, 0.0)
    rect = pane.target_rect()  # the picture's corner sits in the middle: it is still on screen
    assert (rect.left(), rect.top()) == pytest.approx((pane.width() / 2, pane.height() / 2))


@pytest.mark.parametrize("text", ["#6 seed 5: " + ", ".join(["color_jitter brightness_factor=0.786"] * 6),
                                  "#1 seed 0: " + "hue_saturation_value hue_shift=-16.94 sat_shift=3.117 " * 6,
                                  "#1 种子 0：" + "没有操作生效，" * 30])
def test_captions_are_cut_to_three_whole_lines_at_a_whole_step_with_an_ellipsis(qtbot, text):
    """A cut caption ends after a whole step (or else a whole word), never inside a number
    ("hue_shift=-16.9…" for -16.94); text without either is cut as late as the room allows."""
    from PySide6.QtCore import QRect, Qt

    from augview.gui.widgets.preview import Cell, ViewState

    cell = Cell(ViewState())
    qtbot.addWidget(cell)
    cell.resize(260, 300)
    cell.show()
    cell.set_content(None, text)
    shown = cell.caption.text()
    assert shown.endswith("…")
    kept = shown[:-1].rstrip()
    assert text.startswith(kept)
    metrics = cell.caption.fontMetrics()
    def height(candidate):
        return metrics.boundingRect(QRect(0, 0, cell.caption.width(), 10000),
                                    int(Qt.TextFlag.TextWordWrap), candidate).height()

    room = cell.caption.height() - 2  # three lines, of the taller of the two scripts
    assert room >= metrics.lineSpacing() * Cell.CAPTION_LINES
    assert height(shown) <= room
    rest = text[len(kept):]
    separator = ", " if ", " in text else " " if text.count(" ") > 3 else ""
    if separator:  # cut where a step (or else a word) ends, and at the last one that fits
        assert rest.startswith(separator)
        following = text.find(separator, len(kept) + len(separator))
        assert following == -1 or height(text[:following] + " …") > room
    else:
        assert height(text[:len(kept) + 1] + "…") > room  # the cut is as late as the room allows


def test_cut_at_item_prefers_steps_then_words():
    from augview.gui.widgets.captions import cut_at_item

    text = "#2 seed 1 — 224×224: rotate angle=-4.74°, hue_saturation_value hue_shift=-16.94, flip"
    assert cut_at_item(text, len(text)) == text
    assert cut_at_item(text, len(text) - 2) == "#2 seed 1 — 224×224: rotate angle=-4.74°, hue_saturation_value hue_shift=-16.94 …"
    assert cut_at_item(text, len(text) - 9) == "#2 seed 1 — 224×224: rotate angle=-4.74° …"  # a whole step
    assert cut_at_item("one two three four", 16) == "one two three …"
    assert cut_at_item("abcdefghij", 6) == "abcdef…"


def test_the_step_list_shows_how_long_each_step_takes(qtbot, window):
    """Issue 15: per-step timing on this photo, measured once the previews are done."""
    from augview.gui.widgets.pipeline_panel import format_time

    qtbot.waitUntil(lambda: len(window.panel.timings) == 3, timeout=RENDER_TIMEOUT)
    assert set(window.panel.timings) == {(0,), (1,), (2,)}
    for path, seconds in window.panel.timings.items():
        assert seconds > 0 and window.panel.item_at(path).text(3) == format_time(seconds)
    window.panel.add_op("invert")  # a new step: measured again, after its render
    qtbot.waitUntil(lambda: (3,) in window.panel.timings, timeout=RENDER_TIMEOUT)
    assert window.panel.item_at((3,)).text(3).endswith("ms") or window.panel.item_at((3,)).text(3).endswith("s")
    assert [format_time(s) for s in (0.00001, 0.0004, 0.012, 1.44)] == ["<0.1 ms", "0.4 ms", "12 ms", "1.4 s"]


def test_zooming_grows_panes_of_different_pixel_sizes_together(qtbot, make_window, image_file, tmp_path):
    """Issue 15, defect 7: zoom was one absolute percentage, so zooming in from the fit shrank a
    small variant shown beside a large original."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent

    small = tmp_path / "small_output.json"
    Pipeline([augview.Step("resize", {"height": 12, "width": 16})], name="tiny").save(small)
    window = make_window(image=image_file, preset=small)
    window.show()
    cells = window.preview.cells
    assert cells[0].pane.image.width() == 64 and cells[1].pane.image.width() == 16
    before = [cell.pane.target_rect() for cell in cells]
    wheel = QWheelEvent(QPointF(10, 10), QPointF(10, 10), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    cells[0].pane.wheelEvent(wheel)  # zoom in over the original
    after = [cell.pane.target_rect() for cell in cells]
    for old, new in zip(before, after):
        assert new.width() == pytest.approx(old.width() * 1.25) and new.height() == pytest.approx(old.height() * 1.25)
    window.zoom_actual_size()  # Ctrl+1: the original at its own pixels, the variants as much larger
    assert cells[0].pane.scale() == pytest.approx(1.0)
    assert cells[1].pane.target_rect().width() == pytest.approx(
        before[1].width() * window.preview.view.zoom)


def test_the_trace_tooltip_is_a_readable_table_no_wider_than_the_window(qtbot, window):
    """Issue 15, defect 9: the tooltip was the trace's raw Python dicts on one line each."""
    from PySide6.QtGui import QTextDocument

    result = window.last_output.results[0]
    tip = window.preview.cells[1].caption.toolTip()
    assert tip.startswith("<qt>") and "<table" in tip and "{'" not in tip and "'drawn'" not in tip
    for entry in result.trace:
        assert entry["op"] in tip
        for key in entry.get("drawn", {}):
            assert f"{key} = " in tip
    document = QTextDocument()
    document.setHtml(tip)
    assert document.idealWidth() < window.width()


def test_each_caption_gives_the_variants_own_pixel_size(qtbot, make_window, tmp_path):
    """Issue 15: the variant's WxH, the first thing a training user checks, even when the window
    shows a smaller copy of it."""
    big = tmp_path / "big.png"
    y, x = np.mgrid[0:1500, 0:2000]
    augview.save_image(big, np.stack([x % 256, y % 256, (x + y) % 256], axis=2).astype(np.uint8))
    preset = tmp_path / "resize.json"
    Pipeline([augview.Step("resize", {"height": 1200, "width": 1600})], name="resize").save(preset)
    window = make_window(image=big, preset=preset)
    assert "1600×1200" in window.preview.cells[1].full_caption  # on the proxy: resize's fixed size
    qtbot.waitUntil(lambda: window.last_output.full_resolution, timeout=RENDER_TIMEOUT * 4)
    output = window.last_output
    assert output.results[0].image.shape[:2] != (1200, 1600)  # shown shrunk...
    assert output.sizes == [(1600, 1200)] * len(output.results)  # ...made at 1600x1200
    assert all("1600×1200" in cell.full_caption for cell in window.preview.cells[1:])


def test_a_render_delivered_after_close_schedules_no_timing(qtbot, window):
    """The step timer's pool is shut down with the window: a render that lands afterwards must not
    hand it work (a RuntimeError in a timer's slot)."""
    output = window.last_output
    window.step_timer.shutdown()
    window.step_timer.schedule(window.document.snapshot(), window.image, 0)
    qtbot.wait(700)  # past the settle delay: nothing starts (pytest-qt fails the test on an exception in a slot)
    assert output is window.last_output


def test_the_grid_takes_the_columns_that_show_the_pictures_largest_and_refits_on_resize(qtbot):
    """The grid follows the area's shape (a fixed number of columns left a wide window's pictures
    small between grey margins), and two cells stay side by side."""
    from augview.gui.widgets.preview import PreviewArea, best_columns

    area = PreviewArea(fit=lambda: 1.0)
    qtbot.addWidget(area)
    area.resize(1200, 420)
    area.show()
    area.ensure_cells(9)
    wide = area.columns_shown
    caption = area.fontMetrics().lineSpacing() * 3 + 12
    assert wide == best_columns(9, 1192, 412, 1.0, caption) and wide >= 5
    cells = list(area.cells)
    area.resize(420, 1200)
    qtbot.waitUntil(lambda: area.columns_shown < wide, timeout=2000)
    assert area.columns_shown <= 3 and area.cells == cells  # the same cells, in reading order
    layout = area.layout()
    assert [layout.getItemPosition(layout.indexOf(cell))[:2] for cell in cells[:4]] == [
        (i // area.columns_shown, i % area.columns_shown) for i in range(4)]
    area.ensure_cells(2)
    assert area.columns_shown == 2  # side by side, even in a tall area


def test_the_grid_never_makes_the_window_larger(qtbot):
    """Fitting a 1:5 photo, 16 cells took 16 columns: the grid's minimum (a cell's times the
    columns) became the window's, 1886 px wide, and the window could not be made narrower again."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from augview.gui.widgets.preview import ImagePane, PreviewArea

    holder = QWidget()
    qtbot.addWidget(holder)
    area = PreviewArea(fit=lambda: 0.2)  # a tall photo: many narrow columns would show it largest
    QVBoxLayout(holder).addWidget(area)
    holder.resize(500, 400)
    holder.show()
    for count in (9, 12, 16):
        area.ensure_cells(count)
        qtbot.wait(10)
        cell_width = ImagePane.MINIMUM[0] + 4 + area.layout().spacing()
        assert area.columns_shown * cell_width <= area.width(), count
        assert holder.minimumSizeHint().width() <= 500 and holder.width() == 500
    holder.resize(300, 400)  # narrower: fewer columns, never a minimum that stops it
    qtbot.waitUntil(lambda: area.width() <= 300, timeout=2000)
    assert area.columns_shown * (ImagePane.MINIMUM[0] + 4 + area.layout().spacing()) <= area.width()


def test_a_caption_word_wider_than_its_cell_is_cut_not_clipped(qtbot):
    """An op's name wider than a narrow cell does not wrap: the label clipped it mid-word
    ("random_crop_from_bo") without an ellipsis."""
    from PySide6.QtCore import QRect, Qt

    from augview.gui.widgets.preview import Cell, ViewState

    cell = Cell(ViewState())
    qtbot.addWidget(cell)
    cell.resize(130, 300)
    cell.show()
    text = "#1 seed 1 — 89×272: random_crop_from_borders crop_left=0.0816 crop_right=0.0512"
    cell.set_content(None, text)
    shown = cell.caption.text()
    metrics = cell.caption.fontMetrics()
    laid = metrics.boundingRect(QRect(0, 0, cell.caption.width(), 10000), int(Qt.TextFlag.TextWordWrap), shown)
    assert shown.endswith("…") and laid.width() <= cell.caption.width()
    assert "random_crop_fr" not in shown or "random_crop_from_borders" in shown  # whole, or not at all

"""LatestRequest: only the newest request's answer is used, whatever order answers come in."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from augview.gui.latest import LatestRequest
from augview.gui.widgets.folder_strip import FolderStrip, Thumbnail

from .conftest import gradient


def test_only_the_newest_ticket_is_latest():
    requests = LatestRequest()
    assert not requests.is_latest(1)
    first, second = requests.new(), requests.new()
    assert first != second
    assert requests.is_latest(second) and not requests.is_latest(first)
    third = requests.new()
    assert [requests.is_latest(t) for t in (first, second, third)] == [False, False, True]


def test_a_thumbnail_of_a_folder_no_longer_shown_is_dropped(qtbot, tmp_path):
    import augview

    paths = []
    for name in ("a.png", "b.png"):
        paths.append(tmp_path / name)
        augview.save_image(paths[-1], gradient())
    strip = FolderStrip()
    qtbot.addWidget(strip)
    strip.set_folder(paths)
    old = strip.folders.ticket
    strip.set_folder(paths)  # shown again: the first request's answers are stale
    qtbot.waitUntil(lambda: not strip.item(0).icon().isNull() and not strip.item(1).icon().isNull(), timeout=5000)
    strip.item(0).setIcon(QIcon())  # cleared, then answered late by the first request
    strip._on_thumbnail(Thumbnail(old, str(paths[0])), np.zeros((4, 4, 3), np.uint8))
    assert strip.item(0).icon().isNull()
    strip._on_thumbnail_failed(Thumbnail(old, str(paths[0])), "stale failure")
    assert strip.item(0).data(Qt.ItemDataRole.UserRole) != "unreadable"
    strip.shutdown()


def test_latest_usable_uses_an_older_answer_once_every_newer_request_failed():
    from augview.gui.latest import LatestUsable

    loads = LatestUsable()
    good, bad = loads.new(), loads.new()
    assert loads.fail(bad) == (False, None)  # nothing finished before it to fall back on
    assert loads.done(good, "good") == (True, "good")
    # Both orders: the good answer arrives first and is held while the newer request is pending.
    good, bad = loads.new(), loads.new()
    assert loads.done(good, "held") == (False, None)
    assert loads.fail(bad) == (True, "held")


def test_latest_usable_never_lets_an_older_answer_replace_a_newer_one():
    from augview.gui.latest import LatestUsable

    loads = LatestUsable()
    first, second, third = loads.new(), loads.new(), loads.new()
    assert loads.done(first, "first") == (False, None)
    assert loads.fail(third) == (False, None)  # the second is still on its way
    assert loads.done(second, "second") == (True, "second")
    assert loads.done(first, "first") == (False, None)  # stale now
    fourth, fifth = loads.new(), loads.new()
    assert loads.done(fifth, "fifth") == (True, "fifth")
    assert loads.done(fourth, "fourth") == (False, None)
    assert loads.fail(loads.new()) == (False, None)  # nothing held: what is shown stays

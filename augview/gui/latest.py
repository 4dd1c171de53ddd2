"""Only the newest request's answer is shown.

The window and its tools hand slow work to other threads (renders, decoded photos, gallery tiles,
sweeps, comparisons, mixes, thumbnails) and the answers come back in any order. Each request takes
a ticket from its view's `LatestRequest`; an answer is used only if it carries the newest ticket,
so a slow, stale answer never overwrites a fresh one.
"""

from __future__ import annotations


class LatestRequest:
    def __init__(self):
        self.ticket = 0  # the newest ticket handed out (0: none yet)

    def new(self) -> int:
        """The ticket of a new request; every earlier ticket is stale from now on."""
        self.ticket += 1
        return self.ticket

    def is_latest(self, ticket: int) -> bool:
        return ticket == self.ticket

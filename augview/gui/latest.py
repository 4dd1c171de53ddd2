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


class LatestUsable:
    """Like `LatestRequest`, for requests that may fail (opening a file): the newest answer that
    succeeded is used, even when newer requests were made, once all of those have failed. Opening
    a bad file while a good one loads leaves the good one on screen, not nothing (issue 15)."""

    def __init__(self):
        self.requests = LatestRequest()
        self._used = 0  # the ticket whose answer is in use
        self._failed: set[int] = set()
        self._held: tuple[int, object] | None = None  # an answer waiting for newer requests to fail

    @property
    def ticket(self) -> int:
        return self.requests.ticket

    def new(self) -> int:
        return self.requests.new()

    def is_latest(self, ticket: int) -> bool:
        return self.requests.is_latest(ticket)

    def done(self, ticket: int, answer) -> tuple[bool, object]:
        """``(True, answer)`` when the answer is to be used now; ``(False, None)`` when it is
        stale or held until the newer requests have answered."""
        if ticket <= self._used:
            return False, None
        if self._newer_all_failed(ticket):
            return True, self._use(ticket, answer)
        if self._held is None or ticket > self._held[0]:
            self._held = (ticket, answer)
        return False, None

    def fail(self, ticket: int) -> tuple[bool, object]:
        """Note a failed request; ``(True, answer)`` when a held answer is now the one to use."""
        self._failed.add(ticket)
        if self._held is not None and self._newer_all_failed(self._held[0]):
            held_ticket, answer = self._held
            return True, self._use(held_ticket, answer)
        return False, None

    def _newer_all_failed(self, ticket: int) -> bool:
        return all(t in self._failed for t in range(ticket + 1, self.requests.ticket + 1))

    def _use(self, ticket: int, answer):
        self._used = ticket
        if self._held is not None and self._held[0] <= ticket:
            self._held = None
        self._failed = {t for t in self._failed if t > ticket}
        return answer

"""Randomness helpers: every random draw of augview goes through an explicit numpy Generator.

- `node_key`, `fires`, `node_generator`: whether one pipeline node fires and its generator for
  one application, derived from the application seed and the node's position, so one step's
  draws never depend on another's;
- `uniform`: one draw from a (low, high) range, always exactly one random number;
- `draw_seed`: one integer that seeds a per-pixel field (noise, particles), kept in the trace;
- `generator_from`: a caller's generator, or a new one from a seed.
"""

from __future__ import annotations

import ctypes
import hashlib
import threading

import numpy as np

# Generators reused by `node_generator`, per thread and per nesting depth (see there).
_reused = threading.local()
# The text form of each node path seen, e.g. (2, 0) -> b"2.0" (paths repeat on every call).
_PATH_BYTES: dict[tuple[int, ...], bytes] = {}


def node_key(seed: int, path: tuple[int, ...]) -> bytes:
    """40 random-looking bytes for node ``path`` under application ``seed``: a BLAKE2b hash of
    both, the same in any process. The first 8 decide whether the node fires (`fires`), the rest
    seed its generator (`node_generator`), so every (seed, path) has its own stream."""
    text = _PATH_BYTES.get(path)
    if text is None:
        text = _PATH_BYTES[path] = ".".join(map(str, path)).encode()
    return hashlib.blake2b(b"%d:%s" % (seed, text), digest_size=40, person=b"augview-node-v2").digest()


def fires(key: bytes, p: float) -> bool:
    """Whether a node with probability ``p`` fires: a uniform number in [0, 1) from the key's
    first 53 bits, below ``p``. Always decided, so a locked seed keeps every other draw in place
    (a node with ``p`` of 1 always fires, whatever the number: it is not computed)."""
    return p >= 1.0 or (int.from_bytes(key[:8], "little") >> 11) * (1.0 / 9007199254740992.0) < p


def node_generator(key: bytes, depth: int) -> np.random.Generator:
    """The generator of one node (at nesting ``depth``) for one application, seeded from its key.

    Building a numpy Generator costs ~10 us, more than most ops on a small image, and a pipeline
    needs one per step per call. So each thread keeps one PCG64 generator per nesting depth and
    sets its state from the key: 128 bits of state and 128 of stream (made odd, as PCG wants). A
    group's generator is done with before its children draw (it chooses first), and a child's
    sits one level deeper, so reuse never mixes two nodes' draws; a caller must not keep the
    returned generator past the node's own draws.
    """
    pool = getattr(_reused, "pool", None)
    if pool is None:
        pool = _reused.pool = []
    while len(pool) <= depth:
        pool.append(_Reusable())
    reusable = pool[depth]
    reusable.set_state(key)
    return reusable.generator


class _Reusable:
    """One PCG64 generator whose state is set from node keys, node after node.

    numpy's way of setting a state, a dict of Python ints, costs ~2 us, as much as some ops; so
    where this numpy's PCG64 keeps its state as two native little-endian 128-bit integers (checked
    once per generator, by setting a state both ways and comparing), the key's bytes are copied
    straight into the generator's memory (~0.2 us): the same state, the same draws. Elsewhere
    (another layout, no ctypes) the dict is used."""

    def __init__(self):
        self.bits = np.random.PCG64(0)
        self.generator = np.random.Generator(self.bits)
        self.memory = _state_memory(self.bits)

    def set_state(self, key: bytes) -> None:
        if self.memory is not None:
            state, stream_low_byte, buffered = self.memory
            state.raw = key[8:40]
            stream_low_byte.value |= 1
            buffered.value = 0  # has_uint32 and uinteger: no half-used 32-bit draw left over
        else:
            self.bits.state = _state_dict(key)


def _state_dict(key: bytes) -> dict:
    return {"bit_generator": "PCG64",
            "state": {"state": int.from_bytes(key[8:24], "little"),
                      "inc": int.from_bytes(key[24:40], "little") | 1},
            "has_uint32": 0, "uinteger": 0}


def _state_memory(bits: np.random.PCG64):
    """Views of the memory of ``bits``: its 32 state bytes, the stream's lowest byte, and the 8
    bytes of a half-used 32-bit draw; or None unless writing there is checked to set exactly the
    state `_state_dict` sets. numpy's ``pcg64_state`` is a pointer to the state (state, then
    stream, each a 128-bit integer), then ``has_uint32`` and ``uinteger``."""
    try:
        address = bits.ctypes.state_address
        state = ctypes.c_void_p.from_address(address).value
        memory = ((ctypes.c_char * 32).from_address(state), ctypes.c_uint8.from_address(state + 16),
                  ctypes.c_uint64.from_address(address + ctypes.sizeof(ctypes.c_void_p)))
        bits.state = {"bit_generator": "PCG64", "state": {"state": 12345, "inc": 777}, "has_uint32": 1,
                      "uinteger": 99}
        test_key = bytes(range(40))
        memory[0].raw = test_key[8:40]
        memory[1].value |= 1
        memory[2].value = 0
        if bits.state == _state_dict(test_key):
            return memory
    except Exception:
        pass
    bits.state = _state_dict(bytes(40))  # whatever happened, a valid state
    return None


def generator_from(seed: int | None, rng: np.random.Generator | None) -> np.random.Generator:
    return rng if rng is not None else np.random.default_rng(seed)


def draw_seed(rng: np.random.Generator) -> int:
    """A seed for per-pixel randomness (noise fields, particles, drops), drawn from the step's
    generator: the trace keeps this one integer, and `apply` rebuilds the field from it."""
    return int(rng.integers(2**31))


def uniform(rng: np.random.Generator, low_high, integer: bool = False):
    """One draw from a (low, high) range; always consumes exactly one draw, so that a locked seed
    keeps every other draw where it was when a range changes."""
    low, high = low_high
    if integer:
        return int(low + min(int(rng.random() * (high - low + 1)), high - low))
    return float(low + rng.random() * (high - low))

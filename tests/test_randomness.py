"""The per-node generators (augview/core/randomness.py): reused PCG64 generators whose state is
written straight into their memory must draw exactly what numpy's own state setting gives."""

from __future__ import annotations

import threading

import numpy as np

from augview.core import randomness
from augview.core.randomness import node_generator, node_key


def draws(generator: np.random.Generator) -> list:
    """A mix that uses the 64-bit and the buffered 32-bit paths of the bit generator."""
    return [generator.random(), int(generator.integers(0, 2**32, dtype=np.uint32)), generator.normal(),
            generator.integers(0, 10, 3, dtype=np.uint32).tolist(), generator.permutation(5).tolist()]


def expected(key: bytes) -> list:
    bits = np.random.PCG64(0)
    bits.state = randomness._state_dict(key)
    return draws(np.random.Generator(bits))


def test_reused_generators_draw_what_numpys_state_setting_gives():
    for seed in range(40):
        for path in [(0,), (3,), (1, 2), (4, 0, 7)]:
            key = node_key(seed, path)
            assert draws(node_generator(key, len(path))) == expected(key)


def test_a_half_used_32_bit_draw_does_not_leak_into_the_next_node():
    key_a, key_b = node_key(1, (0,)), node_key(1, (1,))
    node_generator(key_a, 1).integers(0, 2**32, dtype=np.uint32)  # leaves half a 64-bit draw buffered
    assert draws(node_generator(key_b, 1)) == expected(key_b)


def test_the_memory_layout_is_checked_and_the_state_dict_is_the_fallback():
    reusable = randomness._Reusable()
    assert reusable.memory is not None  # this numpy's PCG64: writes go straight to its memory
    reusable.memory = None  # another layout: numpy's state setting
    key = node_key(9, (2,))
    reusable.set_state(key)
    assert draws(reusable.generator) == expected(key)

    class NoCtypes:  # a bit generator without the ctypes interface
        state = None

        @property
        def ctypes(self):
            raise AttributeError("no ctypes here")

    broken = NoCtypes()
    assert randomness._state_memory(broken) is None
    assert broken.state == randomness._state_dict(bytes(40))


def test_threads_have_their_own_generators():
    keys = [node_key(seed, (0,)) for seed in range(200)]
    results: dict[int, list] = {}

    def work(name: int):
        results[name] = [draws(node_generator(key, 1)) for key in keys]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    want = [expected(key) for key in keys]
    assert all(result == want for result in results.values())

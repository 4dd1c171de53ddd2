"""The op catalog's families, each op declared once (name, category, description, parameter specs,
sample and apply functions) and registered in `augview.core.registry` when its module loads.

What lives here: geometric ops that keep the frame (`geometric`), warps (`warps`, `optical`),
crops, resizing and padding (`crops`, `resize_crops`, and the box-aware crops in `box_crops`), colour and
tone (`color`, `tone`, `weather`), noise (`noise`, `noise_signal`), blur (`blur`, `blur_lens`), dropout
(`dropout`), the learned policies (`policies`,
`policy_tables`), and the kernels the families share (`common`). It may import `augview.core`,
`augview.errors` and `augview.text`; importing this package registers every op.
"""

from augview.ops import (  # noqa: F401
    blur,
    blur_lens,
    box_crops,
    color,
    crops,
    dropout,
    geometric,
    noise,
    noise_signal,
    optical,
    policies,
    resize_crops,
    tone,
    warps,
    weather,
)

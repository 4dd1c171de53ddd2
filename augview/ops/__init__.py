"""The op catalog's families, each op declared once (name, category, description, parameter specs,
sample and apply functions) and registered in `augview.core.registry` when its module loads.

What lives here: `geometric/`, the ops that move pixels (flips and rotations, warps, lens and
piecewise distortion, crops, resizing and padding, box-aware crops; each declares how masks,
boxes and keypoints follow it; and the one warp renderer they share), `photometric/`, the ops that
change pixel values only (colour and tone, weather, noise, blur, dropout), the learned policies
(`policies`, `policy_tables`), and the helpers every family shares (`common`). It may import
`augview.targets`, `augview.core`, `augview.errors` and `augview.text`; importing this package
registers every op.
"""

# In this order the catalog lists its ops (the window and `augview ops` sort them by category).
from augview.ops.photometric import blur, blur_lens  # noqa: F401
from augview.ops.geometric import box_crops  # noqa: F401
from augview.ops.photometric import color  # noqa: F401
from augview.ops.geometric import crops  # noqa: F401
from augview.ops.photometric import dropout  # noqa: F401
from augview.ops.geometric import flips_rotations  # noqa: F401
from augview.ops.photometric import noise, noise_signal  # noqa: F401
from augview.ops.geometric import optical  # noqa: F401
from augview.ops import policies  # noqa: F401
from augview.ops.geometric import resize_crops  # noqa: F401
from augview.ops.photometric import tone  # noqa: F401
from augview.ops.geometric import warps  # noqa: F401
from augview.ops.photometric import weather  # noqa: F401
from augview.ops.photometric import sun_flare  # noqa: F401

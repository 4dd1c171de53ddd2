"""Ops that move pixels: flips, quarter turns and rotations (`flips_rotations`, with the grid
shuffle), affine, perspective, elastic and grid warps (`warps`), lens and piecewise-affine
distortion (`optical`), crops, resizing and padding (`crops`, `resize_crops`), crops that look at
the boxes (`box_crops`), and the one renderer every resampling op uses (`warp_kernel`). Each op
declares the motion that masks, boxes and keypoints follow (`augview.targets.motion`). May import
`augview.ops.common`, `augview.targets`, `augview.core`, `augview.errors` and `augview.text`."""

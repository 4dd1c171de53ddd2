"""Teaching and exploring: numbers and pictures about what a pipeline does.

What lives here: effective probabilities and the per-step tables (`probabilities`), distinct-output
counts (`distinct`, with each op's counting rule in `distinct_ops`), parameter sweeps and the op
gallery's settings (`sweep`, with targets in `op_targets`), comparison numerics (`compare`), grid
rendering to PNG with the fonts it needs (`grid`, `fonts`), and what to draw over an image and its
variants: boxes, masks and keypoints (`overlays`), drawn with Pillow (`overlay_draw`), and in
words (`target_story`). It may import `augview.pipeline` and everything below it; the
window and the CLI display what it computes.
"""

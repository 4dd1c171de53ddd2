"""Ops that change pixel values and leave every pixel where it was, so masks, boxes and keypoints
pass through them untouched: colour and tone (`color`, `tone`), lighting and weather (`weather`,
`sun_flare`), noise (`noise`, `noise_signal`), blur (`blur`, `blur_lens`) and dropout (`dropout`,
whose holes hide boxes and keypoints and may be written into masks). May import `augview.ops.common`,
`augview.targets`, `augview.core`, `augview.errors` and `augview.text`."""

"""Methods that build one training sample from several images: mixup, CutMix, SamplePairing,
mosaic (`mixing`; boxes and masks through CutMix and mosaic: `mix_targets`) and SMOTE (`smote`).
Pure functions on numpy arrays; they may import `augview.targets`, `augview.core`, `augview.errors`
and `augview.text`, never the window."""

from augview.multi.mixing import cutmix, mixup, mosaic, sample_pairing, smote  # noqa: F401

__all__ = ["cutmix", "mixup", "mosaic", "sample_pairing", "smote"]

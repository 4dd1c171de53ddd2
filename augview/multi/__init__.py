"""Methods that build one training sample from several images: mixup, CutMix, SamplePairing,
mosaic (`mixing`) and SMOTE (`smote`). Pure functions on numpy arrays; they may import
`augview.core`, `augview.errors` and `augview.text`, never the window."""

from augview.multi.mixing import cutmix, mixup, mosaic, sample_pairing, smote  # noqa: F401

__all__ = ["cutmix", "mixup", "mosaic", "sample_pairing", "smote"]

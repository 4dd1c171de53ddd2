"""Methods that build one training sample from several images: mixup, CutMix, SamplePairing,
mosaic (`mixing`; boxes and masks through CutMix and mosaic: `mix_targets`) and SMOTE (`smote`).
Pure functions on numpy arrays; they may import `augview.targets`, `augview.core`, `augview.errors`
and `augview.text`, never the window."""

from augview.multi.mixing import (  # noqa: F401
    MixResult, MosaicResult, SmoteResult, cutmix, mixup, mosaic, sample_pairing, smote, smote_images,
)

__all__ = ["MixResult", "MosaicResult", "SmoteResult", "cutmix", "mixup", "mosaic", "sample_pairing", "smote",
           "smote_images"]

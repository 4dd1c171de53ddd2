"""Multi-image methods on numpy arrays (no Qt): mixup, CutMix, SamplePairing, mosaic, SMOTE."""

from augview.core.multi import mixup, cutmix, sample_pairing, mosaic, smote  # noqa: F401

"""The foundation every other package stands on: numpy, OpenCV and Pillow only, never Qt.

What lives here: parameter specs (`params`), the op registry with the catalog's order and search
(`registry`), randomness helpers (`randomness`), image checks and small array helpers (`images`),
reading and writing image files (`imageio`), atomic writes (`atomic`) and where the bundled sample
photos and shipped presets are (`paths`). It may import `augview.errors` and `augview.text`, and
nothing else of augview: ops, pipelines and every feature build on it, never the other way.
"""

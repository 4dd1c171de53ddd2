"""Moving presets in and out of augview: albumentations JSON/YAML both ways, a torchvision snippet,
and a minimal augview snippet. Plain functions for the CLI (``augview export`` / ``augview
import``) and for notebooks; nothing here imports albumentations or torchvision.

    data, notes = to_albumentations(pipe)                    # dict for albumentations.from_dict
    pipe, notes = from_albumentations(load_albumentations_file("pipeline.json"), "pipeline.json")
    code, notes = to_torchvision_code(pipe)                  # runnable Python source
    code = to_python_code("presets/light_classification.json")

Every function returns its notes, one line each with the step's location: what was left out,
approximated, ignored or clamped. Mappings and their limits are documented in
`augview.interop.albumentations_export` and `augview.interop.torchvision`.

What lives here: the albumentations exporter (`albumentations_export`), importer
(`albumentations_import`) and its argument readers (`albumentations_readers`), the torchvision
exporter (`torchvision`), the augview script (`python_code`) and file sniffing (`files`). It may
import `augview.pipeline` and everything below it, never the window or the CLI.
"""

from augview.interop.albumentations_export import to_albumentations
from augview.interop.albumentations_import import from_albumentations
from augview.interop.files import is_albumentations, load_albumentations_file
from augview.interop.python_code import to_python_code
from augview.interop.torchvision import to_torchvision_code

__all__ = ["from_albumentations", "is_albumentations", "load_albumentations_file", "to_albumentations",
           "to_python_code", "to_torchvision_code"]

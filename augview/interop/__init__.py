"""Moving presets in and out of augview: albumentations JSON/YAML both ways (any albumentations
from 0.4 to 2.x in), a torchvision snippet, and a minimal augview snippet. Plain functions for the
CLI (``augview export`` / ``augview import``), the window and notebooks; nothing here imports
albumentations or torchvision.

    opened = open_pipeline_file("pipeline.yaml")             # a preset or an albumentations file
    data, notes = to_albumentations(pipe)                    # dict for albumentations.from_dict
    pipe, notes = from_albumentations(load_albumentations_file("pipeline.json"), "pipeline.json")
    code, notes = to_torchvision_code(pipe)                  # runnable Python source
    code = to_python_code("presets/light_classification.json")

Every function returns its notes as data (`Note`: where, kind, text; ``str(note)`` is the
sentence): what was left out, approximated, ignored, clamped or kept aside. An export with steps
that have no counterpart raises `Unexportable` unless ``skip_unsupported=True``. Mappings and
their limits are documented in `augview.interop.albumentations_export`,
`augview.interop.albumentations_import` and `augview.interop.torchvision`.

What lives here: the albumentations exporter (`albumentations_export`; each op's counterpart in
`albumentations_ops`), importer
(`albumentations_import`; `albumentations_source` reads a Python script's Compose without running
it), its argument readers (`albumentations_readers`; the table `IMPORTERS`,
one entry per albumentations class, beside `albumentations_ops.EXPORTERS`, one per op) and the
translation of 0.x/1.x arguments (`albumentations_legacy`), the torchvision exporter
(`torchvision`), the augview script (`python_code`), notes (`notes`) and opening files (`files`).
It may import `augview.pipeline` and everything below it, never the window or the CLI.
"""

from augview.interop.albumentations_export import to_albumentations
from augview.interop.albumentations_import import Imported, from_albumentations, import_albumentations
from augview.interop.albumentations_source import import_albumentations_source
from augview.interop.files import Opened, is_albumentations, load_albumentations_file, open_pipeline_file
from augview.interop.notes import Note, Unexportable
from augview.interop.python_code import to_python_code
from augview.interop.torchvision import to_torchvision_code

__all__ = ["Imported", "Note", "Opened", "Unexportable", "from_albumentations", "import_albumentations",
           "import_albumentations_source",
           "is_albumentations", "load_albumentations_file", "open_pipeline_file", "to_albumentations",
           "to_python_code", "to_torchvision_code"]

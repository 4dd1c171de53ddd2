"""The `augview` command: a command of the CLI, or the window when none is given.

The only module that knows both: `augview.cli` stays below the window in the layers, and the
window's code is imported only when a window is asked for (so `augview ops` loads no Qt).
"""

from __future__ import annotations

import sys


def open_window(image: str | None = None, preset: str | None = None, annotations: str | None = None) -> int:
    from augview.gui.app import run

    return run(image=image, preset=preset, annotations=annotations)


def main(argv: list[str] | None = None) -> int:
    from augview.cli import main as cli_main

    return cli_main(argv, open_window=open_window)


if __name__ == "__main__":
    sys.exit(main())

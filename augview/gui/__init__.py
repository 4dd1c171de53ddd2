"""augview's window (PySide6). Nothing in augview.core depends on this package."""

from augview.gui.main_window import MainWindow

__all__ = ["MainWindow"]

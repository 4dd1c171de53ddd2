"""augview's window (PySide6), the top layer: it displays and edits, the packages below compute.

What lives here: start-up and settings (`app`), the main window and its layout (`main_window`,
`window_layout`), the menus and shortcuts (`menus`), the undoable document (`document`), the
render workers (`render_worker`), translations (`i18n`), the panels of the main window
(`widgets/`) and the tool windows (`tools/`). It may import every other package of augview;
nothing else imports it but `augview.launcher`.
"""

from augview.gui.main_window import MainWindow

__all__ = ["MainWindow"]

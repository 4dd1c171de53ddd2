"""augview's window (PySide6), the top layer: it displays and edits, the packages below compute.

What lives here: start-up and settings (`app`), the main window and its widgets (`main_window`,
`window_layout`), the table of menus and shortcuts (`actions`) and the menu bar built from it
(`menus`), recent files (`recent`), the undoable document (`document`), the render workers
(`render_worker`) and the "latest request wins" tickets every view uses (`latest`), an image's
annotations and the overlay toggles (`annotated`, `window_targets`), translations
(`i18n`), the panels of the main window (`widgets/`) and the tool windows (`tools/`). It may import every other package of augview;
nothing else imports it but `augview.launcher`.
"""

from augview.gui.main_window import MainWindow

__all__ = ["MainWindow"]

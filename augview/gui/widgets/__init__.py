"""The main window's panels: the pipeline's step list, the parameter form built from the specs,
the preview panes, and the folder strip. Qt widgets that display and edit; pixels come from
the render worker, numbers from `augview.analysis`."""

"""The main window's panels: the pipeline's step list, the parameter form built from the specs,
the preview panes with their captions and trace tables, the folder strip, the step list's timing
and the log sliders. Qt widgets that display and edit; pixels come from the render worker,
numbers from `augview.analysis`."""

"""The window's tool windows: parameter sweep, op gallery, compare, mix images, SMOTE explorer,
presentation mode and apply to folder. Each one displays what `augview.analysis`, `augview.multi`
or `augview.batch` computes, in its own window."""

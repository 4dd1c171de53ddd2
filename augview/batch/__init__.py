"""Augmenting whole folders: what ``augview apply`` and the window's *Apply to folder* run.

What lives here: the run itself with its plan, options and summary (`run`), output names, seeds,
folder checks and the provenance manifest (`files`), the work of one source file in this
process or in a pool of worker processes (`workers`), and each image's annotations read, augmented
and written with it (`annotated`, ``--annotations``). It may import `augview.annotations`,
`augview.pipeline` and everything below them, never the window or the CLI.
"""

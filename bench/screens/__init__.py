"""Seeded synthetic screenshots of the pages people bring to a consumer dispute, with ground truth.

One module per app family draws its pages the way the real app lays them out (each template's
docstring says what it models); `canvas` and `blocks` are the drawing toolkit, `catalog` lists the
templates and the dev, heldout and heldout2 splits, `render` turns a template and a seed into a `Sample`.
"""

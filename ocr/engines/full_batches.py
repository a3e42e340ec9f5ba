"""RapidOCR's recogniser with every batch full, so OpenVINO meets few batch shapes.

RapidOCR reads a page's lines in batches of Rec.rec_batch_num (6), sorted by width; the last batch of
each page holds what is left, one to five of its widest lines, so a page gave a (1-5, 3, 48, W) shape
on top of the (6, 3, 48, W) ones, and OpenVINO's CPU plugin prepares its kernels anew for every shape
(ocr/engines/shapes.py). Blank crops added to fill the count are the narrowest lines, so they join
the first, narrowest batch, and every batch is full: 16 screenshots gave 13 shapes instead of 22, and a
first pass over them took 0.34 s less on average (two seeds, two runs; issue #13). Their readings are
dropped. Imported only when a model is built: it loads rapidocr.
"""
from __future__ import annotations

import numpy as np
from rapidocr.ch_ppocr_rec.main import TextRecognizer
from rapidocr.ch_ppocr_rec.typings import TextRecInput, TextRecOutput

BLANK_CROP = np.full((48, 4, 3), 255, np.uint8)
"""A white crop narrower than any line: it sorts first and reads as nothing."""


class FullBatchRecognizer(TextRecognizer):
    """TextRecognizer whose input is topped up with blank crops to a multiple of its batch size."""

    def __call__(self, args: TextRecInput) -> TextRecOutput:
        crops = [args.img] if isinstance(args.img, np.ndarray) else list(args.img or [])
        missing = -len(crops) % self.rec_batch_num
        if not crops or not missing:
            return super().__call__(args)
        read = super().__call__(TextRecInput(crops + [BLANK_CROP] * missing, args.return_word_box))
        count = len(crops)
        return TextRecOutput(crops, read.txts[:count], read.scores[:count], read.word_results[:count],
                             read.elapse, read.viser)

"""RapidOCR's recogniser reading a page's lines in batches grouped by width.

RapidOCR reads a page's lines, sorted by width, in batches of six (Rec.rec_batch_num), each padded to
its widest line. The recogniser's cost grows with lines x columns read (about 21 us per line-column
on OpenVINO in bf16 with two threads, 84 us on onnxruntime with one, plus 1-2 ms a call), so a batch
whose widest line is twice its narrowest spends a third of its time on padding: of the columns read
for 16 screenshots, 22 % were padding inside batches and 10 % the rounding to OpenVINO's widths
(ocr/engines/shapes.py). Here the sorted lines are split into batches of six and single lines, chosen
to read the fewest columns, each call counted as CALL_COST columns more: a line much wider than its
neighbours is read alone. The 16 screenshots' recogniser calls, replayed alternately, took 3.1-3.5 s
against 3.6-4.1 s on OpenVINO once warm (3.4-3.6 s against 3.9-4.1 s in a fresh process) and
8.8-9.0 s against 11.3-12.3 s on onnxruntime with one thread (issue #13). Batches of 3 and 2 as well
read 2 % fewer columns but gave OpenVINO 41 input shapes instead of 24 (13 before), each costing
kernels and memory once (a worker mapped 0.3 GB more). The batches depend on the page's own lines
only, so a page reads the same whatever was read before it.
Imported only when a model is built: it loads rapidocr.
"""
from __future__ import annotations

import math
import time
from collections.abc import Sequence

import numpy as np
from rapidocr.ch_ppocr_rec.main import TextRecognizer
from rapidocr.ch_ppocr_rec.typings import TextRecInput, TextRecOutput
from rapidocr.utils.vis_res import VisRes

from .shapes import padded_width

BATCH_SIZES = (6, 1)
"""Lines per recogniser call, preferred in this order where runs cost the same."""

CALL_COST = 96
"""What one recogniser call costs beyond its pixels, in line-columns (about 2 ms on OpenVINO)."""


def line_runs(widths: Sequence[int], sizes: Sequence[int] = BATCH_SIZES, call_cost: int = CALL_COST) -> list[range]:
    """Consecutive runs of `widths` (ascending; each the width a batch ending at that line is read
    at), every run of one of `sizes` lines, that read the fewest line-columns, `call_cost` more for
    each run. `sizes` must hold 1, so any number of lines can be split."""
    if 1 not in sizes:
        raise ValueError("batch sizes must include 1")
    cost = [0.0] + [math.inf] * len(widths)
    run_size = [0] * (len(widths) + 1)
    for end in range(1, len(widths) + 1):
        for size in sizes:
            if size <= end:
                candidate = cost[end - size] + size * widths[end - 1] + call_cost
                if candidate < cost[end]:
                    cost[end], run_size[end] = candidate, size
    runs: list[range] = []
    end = len(widths)
    while end:
        runs.append(range(end - run_size[end], end))
        end -= run_size[end]
    return runs[::-1]


class GroupedRecognizer(TextRecognizer):
    """TextRecognizer reading in the runs of line_runs; the batches are built as RapidOCR builds
    them (each line resized to the input height, padded with zeros to the widest of its batch)."""

    width_step = 1
    """Columns the session rounds a batch's width up to a multiple of (set for OpenVINO's padding)."""

    def __call__(self, args: TextRecInput) -> TextRecOutput:
        started = time.perf_counter()
        crops = [args.img] if isinstance(args.img, np.ndarray) else list(args.img or [])
        _, height, min_width = self.rec_image_shape[:3]
        aspects = [crop.shape[1] / crop.shape[0] for crop in crops]  # width over height, as RapidOCR passes on
        ratios = [max(min_width / height, aspect) for aspect in aspects]  # no batch narrower than min_width
        order = sorted(range(len(crops)), key=ratios.__getitem__)
        widths = [padded_width(int(height * ratios[index]), self.width_step) for index in order]
        readings: list[tuple[str, float]] = [("", 0.0)] * len(crops)
        word_boxes: list[object] = [None] * len(crops)
        for run in line_runs(widths):
            members = [order[position] for position in run]
            batch_ratio = ratios[members[-1]]
            batch = np.stack([self.resize_norm_img(crops[index], batch_ratio) for index in members])
            lines, words = self.postprocess_op(
                self.session(batch.astype(np.float32, copy=False)), args.return_word_box,
                wh_ratio_list=[aspects[index] for index in members],
                max_wh_ratio=batch_ratio,
            )
            for position, index in enumerate(members):
                readings[index] = lines[position]
                if args.return_word_box:
                    word_boxes[index] = words[position]
        texts = tuple(text for text, _ in readings)
        scores = [score for _, score in readings]
        return TextRecOutput(crops, texts, scores, tuple(word_boxes), time.perf_counter() - started,  # type: ignore[arg-type]
                             viser=VisRes(lang_type=self.cfg.lang_type, font_path=self.cfg.font_path))

"""Masking of personal data in a dossier's text and images, keeping every value that is evidence.

What is personal is decided by ocr.extract.personal, the rule set extraction shares: people's
mobiles, ID and bank card numbers, and the complainant's own name, address and phone. What is known
about the whole case counts everywhere in the dossier: a number typed as an order or ticket number
on one exhibit is kept on every page that prints it, and one typed as an ID card is masked on all.

Images get opaque boxes over the personal values only, not over their whole OCR line; boxes are burnt
into the pixels, never drawn as a PDF overlay that could be removed to reveal what is underneath.
"""
from __future__ import annotations

from export.request import DossierRequest, Exhibit
from ocr.extract.layout import narrow_bbox
from ocr.extract.personal import (NEVER_MASKED, KnownValues, find_personal, is_personal_field, known_values,
                                  mask_card, mask_id_card, mask_number, mask_personal)
from ocr.types import BBox, FieldType, OcrLine

# narrow_bbox places characters by their widths in a CJK font; a font or OCR box that differs by a
# fraction of a character must still not leave a digit visible, so each box grows by this share of
# the line height on both sides.
_BOX_PADDING = 0.5


class Redactor:
    """Applies (or, when disabled, skips) masking for one dossier."""

    def __init__(self, enabled: bool, request: DossierRequest) -> None:
        self.enabled = enabled
        self.known = _case_knowledge(request) if enabled else KnownValues()

    def text(self, text: str) -> str:
        return mask_personal(text, self.known) if self.enabled else text

    def field_value(self, field_type: str, value: str) -> str:
        """A field as the index shows it: evidence types unchanged, personal types masked by kind."""
        if not self.enabled or field_type in NEVER_MASKED:
            return value
        if not is_personal_field(field_type, value):
            return self.text(value)
        if field_type == FieldType.ID_CARD:
            return mask_id_card(value)
        return mask_card(value) if field_type == FieldType.BANK_CARD else mask_number(value)

    def boxes(self, exhibit: Exhibit) -> list[BBox]:
        """Image areas to black out: personal fields and the personal values inside OCR lines."""
        if not self.enabled:
            return []
        boxes = [f.bbox for f in exhibit.fields if f.bbox and is_personal_field(f.type, f.value)]
        for line in exhibit.ocr_lines:
            for span in find_personal(line.text, self.known):
                box = _value_box(line, span.start, span.end)
                if box is not None:
                    boxes.append(box)
        return boxes


def _case_knowledge(request: DossierRequest) -> KnownValues:
    """Field types of every exhibit and the complainant's details, for the whole dossier."""
    complainant = request.complainant
    fields = [(f.type, f.value) for exhibit in request.exhibits for f in exhibit.fields]
    return known_values(fields, complainant.name, complainant.phone, complainant.address)


def _value_box(line: OcrLine, start: int, end: int) -> BBox | None:
    """The characters' box within the line, padded and kept inside the line's own box."""
    box = narrow_bbox(line, start, end)
    if box is None or line.bbox is None:
        return None
    left, top, right, bottom = box
    pad = round(_BOX_PADDING * (bottom - top))
    return max(line.bbox[0], left - pad), top, min(line.bbox[2], right + pad), bottom

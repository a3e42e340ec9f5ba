"""The detail pane: the original with OCR boxes, its fields and the user's notes, all edits via the vault session."""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PIL import Image
from PySide6.QtCore import QDateTime, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.texts import FIELD_TYPES, field_label, kind_choices
from app.qtmodels import FieldsModel
from app.recordsview import RecordsView
from app.selectionspanel import SelectionsPanel
from app.session import VaultSession
from ocr.pages import render_pdf_stacked, to_rgb
from vault.media import holds_records, open_image
from vault.evidence import Field, Item
from vault.store import Vault

DECODED_IMAGES_KEPT = 8
"""Decoded originals kept in memory for quick back-and-forth; never written to disk."""


PDF_PIXELS_SHOWN = 16_000_000
"""Pixel budget for a PDF's stacked pages (about seven A4 pages at 150 dpi)."""


@dataclass(frozen=True)
class PageCount:
    """How many of the original's pages the detail pane shows (1 of 1 for images)."""

    shown: int = 1
    total: int = 1


def decode_original(item: Item, data: bytes) -> tuple[QImage, PageCount]:
    """The original as the OCR saw it: upright RGB, or a PDF's pages stacked at the OCR scale.

    Runs in a pool thread, hence QImage (QPixmap belongs to the GUI thread).
    """
    pages = PageCount()
    if item.media_type == "application/pdf":
        stacked = render_pdf_stacked(data, PDF_PIXELS_SHOWN)
        image: Image.Image = stacked.image
        pages = PageCount(stacked.shown, stacked.total)
    else:
        image = to_rgb(open_image(data))
    raw = image.tobytes("raw", "RGB")
    return QImage(raw, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888).copy(), pages


class ImageView(QGraphicsView):
    """Zoom with the wheel, pan by dragging; OCR lines in blue, extracted fields in orange."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QColor("#3a3a3a"))
        self._fitted = True

    def show_image(self, pixmap: QPixmap, item: Item) -> None:
        scene = self.scene()
        scene.clear()
        scene.addItem(QGraphicsPixmapItem(pixmap))
        line_pen = QPen(QColor(30, 120, 255, 200), 2)
        line_pen.setCosmetic(True)
        for line in item.ocr_lines:
            if line.bbox:
                self._box(line.bbox, line_pen, QColor(30, 120, 255, 30), line.text)
        field_pen = QPen(QColor(255, 140, 0, 230), 3)
        field_pen.setCosmetic(True)
        for field in item.effective_fields():
            if field.bbox:
                self._box(field.bbox, field_pen, QColor(255, 140, 0, 40), f"{field_label(field.type)}: {field.normalized}")
        scene.setSceneRect(QRectF(pixmap.rect()))
        self.fit()

    def _box(self, bbox: tuple[int, int, int, int], pen: QPen, fill: QColor, tip: str) -> None:
        x0, y0, x1, y1 = bbox
        rect = QGraphicsRectItem(QRectF(x0, y0, x1 - x0, y1 - y0))
        rect.setPen(pen)
        rect.setBrush(QBrush(fill))
        rect.setToolTip(tip)
        self.scene().addItem(rect)

    def clear(self) -> None:
        self.scene().clear()

    def fit(self) -> None:
        self._fitted = True
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        self._fitted = False
        self.scale(factor, factor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if self._fitted:
            self.fit()


class DetailPane(QWidget):
    """One exhibit: image, fields (correct, add) and title, kind, 形成时间, 证明目的, note."""

    item_changed = Signal(object)
    """An edit was stored: the exhibit as the vault now holds it (an Item)."""
    selections_changed = Signal()
    """Picked rows of the shown bill or chat were stored, changed or deleted."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item: Item | None = None
        self._images: OrderedDict[int, tuple[QPixmap, PageCount]] = OrderedDict()
        self._vault_generation = 0  # bumped by clear(): decodes started before it are dropped

        self.image = ImageView()
        zoom_in = QToolButton(text="+", toolTip=self.tr("Zoom in"))
        zoom_out = QToolButton(text="−", toolTip=self.tr("Zoom out"))
        fit = QToolButton(text=self.tr("Fit"))
        zoom_in.clicked.connect(lambda: self.image.zoom(1.25))
        zoom_out.clicked.connect(lambda: self.image.zoom(0.8))
        fit.clicked.connect(self.image.fit)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        tools = QHBoxLayout()
        tools.addWidget(self.caption, 1)
        self.zoom_buttons = (zoom_out, zoom_in, fit)
        for button in self.zoom_buttons:
            tools.addWidget(button)
        self.records_view = RecordsView(session)
        self.records = self.records_view.model
        self.original_view = QStackedWidget()
        self.original_view.addWidget(self.image)
        self.original_view.addWidget(self.records_view)
        image_box = QWidget()
        image_layout = QVBoxLayout(image_box)
        image_layout.setContentsMargins(0, 0, 0, 0)
        image_layout.addLayout(tools)
        image_layout.addWidget(self.original_view)

        self.fields = FieldsModel(self)
        self.fields.correction_requested.connect(self._correct_field)
        self.fields.rejection_requested.connect(self._reject_field)
        self.fields_view = QTableView()
        self.fields_view.setModel(self.fields)
        self.fields_view.verticalHeader().hide()
        self.fields_view.setMinimumHeight(100)
        self.fields_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.fields_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.fields_view.setEditTriggers(
            QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed
        )
        self.new_field_type = QComboBox()
        for field_type in FIELD_TYPES:
            self.new_field_type.addItem(field_label(field_type), field_type)
        self.new_field_value = QLineEdit(placeholderText=self.tr("Value"))
        add_field = QPushButton(self.tr("Add field"), objectName="addField")
        add_field.clicked.connect(self._add_field)
        self.new_field_value.returnPressed.connect(self._add_field)
        self.remove_field = QPushButton(self.tr("Remove my field"))
        self.remove_field.clicked.connect(self._remove_field)
        self.reject_field = QPushButton(self.tr("Mark as wrong"), objectName="rejectField")
        self.reject_field.setToolTip(self.tr(
            "The value read by OCR is wrong: it stays in the vault's history but no longer counts as a fact"
        ))
        self.reject_field.clicked.connect(self._reject_selected_field)
        self.new_field_value.setMinimumWidth(self.new_field_value.fontMetrics().horizontalAdvance("0" * 16))
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_field_type)
        add_row.addWidget(self.new_field_value, 1)
        add_row.addWidget(add_field)
        field_buttons = QHBoxLayout()  # a row of its own, so the pane stays narrow in longer languages
        field_buttons.addWidget(self.remove_field)
        field_buttons.addWidget(self.reject_field)
        field_buttons.addStretch()

        self.title = QLineEdit()
        self.kind = QComboBox()
        for kind, label in kind_choices():
            self.kind.addItem(label, kind)
        self.formed_at = QLineEdit(placeholderText="YYYY-MM-DD HH:MM")
        self.purpose = QLineEdit(placeholderText=self.tr("What this exhibit proves (证明目的)"))
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(50)
        self.save_button = QPushButton(self.tr("Save changes"), objectName="saveItem")
        self.save_button.clicked.connect(self.save)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Formed at"), self.formed_at)
        form.addRow(self.tr("Purpose"), self.purpose)
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self.save_button)

        self.fields_box = QWidget()  # a bill or chat has rows instead: its picked rows are listed in its place
        fields_layout = QVBoxLayout(self.fields_box)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(QLabel(self.tr("Extracted fields (double-click a value to correct it)")))
        fields_layout.addWidget(self.fields_view, 1)
        fields_layout.addLayout(add_row)
        fields_layout.addLayout(field_buttons)
        self.selections = SelectionsPanel(session, self.records_view)
        self.selections.changed.connect(self.selections_changed)

        info = QWidget()
        info_layout = QVBoxLayout(info)
        info_layout.setContentsMargins(0, 0, 0, 0)
        info_layout.addWidget(self.fields_box, 1)
        info_layout.addWidget(self.selections)
        info_layout.addLayout(form)

        info_scroll = QScrollArea(objectName="detailForm", widgetResizable=True)
        info_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        info_scroll.setWidget(info)  # on a low screen the form scrolls instead of pushing Save out of sight
        info_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        info_scroll.setMinimumWidth(info.minimumSizeHint().width() + info_scroll.verticalScrollBar().sizeHint().width())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(image_box)
        splitter.addWidget(info_scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.clear()

    def clear(self) -> None:
        """Forget the shown item and every decoded image (on lock, case switch)."""
        self.item = None
        self._vault_generation += 1
        self._images.clear()
        self.image.clear()
        self.records_view.clear()
        self.selections.clear()
        self._show_parts(fields=True, rows=False)
        self.fields.set_fields([])
        self.caption.setText(self.tr("Select an exhibit to see it here."))
        for widget in (self.title, self.formed_at, self.purpose):
            widget.clear()
        self.note.clear()
        self.setEnabled(False)

    def show_item(self, item: Item) -> None:
        """Fill in the exhibit at once; its image is decoded in the background the first time."""
        self.item = item
        self.setEnabled(True)
        self.fields.set_fields(item.effective_fields(), from_file=holds_records(item.media_type))
        self.title.setText(item.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind)))
        self.formed_at.setText((item.formed_at or "").replace("T", " "))
        self.formed_at.setPlaceholderText(
            (item.event_time() or "YYYY-MM-DD HH:MM")[:16].replace("T", " ")
        )
        self.purpose.setText(item.purpose)
        self.note.setPlainText(item.note)
        rows = holds_records(item.media_type)
        self._show_parts(fields=not rows or bool(item.fields), rows=rows)
        if rows:
            self._show_records(item)
            return
        self.records_view.clear()
        self.selections.clear()
        self.original_view.setCurrentWidget(self.image)
        if item.id in self._images:
            self._images.move_to_end(item.id)
            self._show_original(item)
        else:
            self.image.clear()
            self.caption.setText(self._caption(item) + " · " + self.tr("loading…"))
            self._decode(item)

    def _show_records(self, item: Item) -> None:
        """A bill's rows or a chat's messages as a table, read a page at a time in the background."""
        self.original_view.setCurrentWidget(self.records_view)
        self.caption.setText(f"{item.original_name} · SHA-256 {item.sha256[:12]}…")
        self.records_view.show_item(item)
        self.selections.show_item(item)

    def _show_parts(self, fields: bool, rows: bool) -> None:
        """Fields for what states facts (a screenshot, a PDF, an e-invoice file), picked rows for a file
        of rows (a bill, chat or invoice), zoom only over a picture."""
        self.fields_box.setVisible(fields)
        self.selections.setVisible(rows)
        for button in self.zoom_buttons:
            button.setVisible(not rows)

    def _caption(self, item: Item, pages: PageCount = PageCount()) -> str:
        caption = f"{item.original_name} · {item.width or '?'}×{item.height or '?'} · SHA-256 {item.sha256[:12]}…"
        if pages.shown < pages.total:
            caption += " · " + self.tr("pages 1–%1 of %2 shown").replace("%1", str(pages.shown)).replace(
                "%2", str(pages.total))
        elif pages.total > 1:
            caption += " · " + self.tr("%n pages", "", pages.total)
        return caption

    def _decode(self, item: Item) -> None:
        generation = self._vault_generation
        self.session.read(lambda vault: decode_original(item, vault.original(item.id)),
                          lambda result: self._decoded(generation, item.id, *result),
                          lambda _error: self._decoded(generation, item.id, QImage(), PageCount()))

    def _decoded(self, generation: int, item_id: int, image: QImage, pages: PageCount) -> None:
        if generation != self._vault_generation:
            return  # the case was switched meanwhile
        self._images[item_id] = (QPixmap.fromImage(image), pages)
        while len(self._images) > DECODED_IMAGES_KEPT:
            self._images.popitem(last=False)
        if self.item is not None and self.item.id == item_id:
            self._show_original(self.item)

    def _show_original(self, item: Item) -> None:
        pixmap, pages = self._images[item.id]
        self.caption.setText(self._caption(item, pages))
        self.image.show_image(pixmap, item)

    def _formed_at_value(self) -> str | None | bool:
        """ISO text, None to clear, or False when the text is not a date."""
        text = self.formed_at.text().strip()
        if not text:
            return None
        for pattern in ("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"):
            parsed = QDateTime.fromString(text, pattern)
            if parsed.isValid():
                return parsed.toString("yyyy-MM-dd" if pattern == "yyyy-MM-dd" else "yyyy-MM-ddTHH:mm:ss")
        return False

    def save(self) -> None:
        """Write only what changed, so the audit log records real edits."""
        if self.item is None:
            return
        formed_at = self._formed_at_value()
        if formed_at is False:
            QMessageBox.warning(self, self.tr("Formed at"), self.tr("Type the date as YYYY-MM-DD or YYYY-MM-DD HH:MM."))
            return
        wanted = {
            "title": self.title.text().strip(),
            "kind": self.kind.currentData(),
            "formed_at": formed_at,
            "purpose": self.purpose.text().strip(),
            "note": self.note.toPlainText().strip(),
        }
        current = {name: getattr(self.item, name) or ("" if name != "formed_at" else None) for name in wanted}
        changes = {name: value for name, value in wanted.items() if value != current[name]}
        if changes:
            item_id = self.item.id
            self._change(lambda vault: vault.update_item(item_id, **changes))

    def _correct_field(self, field: Field, value: str) -> None:
        assert self.item is not None
        item_id = self.item.id

        def correct(vault: Vault) -> None:
            if field.origin == "user":
                vault.delete_user_field(field.id)  # replace the user's own value, keep what it corrects
                vault.add_user_field(item_id, field.type, value, corrects=field.corrects)
            else:
                vault.add_user_field(item_id, field.type, value, corrects=field.id)

        self._change(correct)

    def _add_field(self) -> None:
        value = self.new_field_value.text().strip()
        if self.item is None or not value:
            return
        item_id, field_type = self.item.id, self.new_field_type.currentData()
        self._change(lambda vault: vault.add_user_field(item_id, field_type, value))
        self.new_field_value.clear()

    def _selected_field(self) -> Field | None:
        rows = self.fields_view.selectionModel().selectedRows() or [self.fields_view.currentIndex()]
        if self.item is None or not rows or not rows[0].isValid():
            return None
        return self.fields.field_at(rows[0].row())

    def _reject_selected_field(self) -> None:
        field = self._selected_field()
        if field is not None:
            self._reject_field(field)

    def _reject_field(self, field: Field) -> None:
        """Mark an OCR value wrong; for the user's own value, take it back (and reject what it corrected)."""
        assert self.item is not None
        item_id = self.item.id

        def reject(vault: Vault) -> None:
            if field.origin == "user":
                vault.delete_user_field(field.id)
                if field.corrects is not None:
                    vault.reject_field(item_id, field.corrects)
            else:
                vault.reject_field(item_id, field.id)

        self._change(reject)

    def _remove_field(self) -> None:
        field = self._selected_field()
        if field is None:
            return
        if field.origin != "user":
            QMessageBox.information(
                self, self.tr("Remove field"),
                self.tr("Fields read by OCR are kept as evidence. Correct the value, or mark it as wrong."),
            )
            return
        self._change(lambda vault: vault.delete_user_field(field.id))

    def _change(self, edit: Callable[[Vault], Any]) -> None:
        """Store the edit on the writer thread, then show the exhibit as the vault holds it afterwards."""
        assert self.item is not None
        item_id = self.item.id

        def edit_and_reread(vault: Vault) -> Item:
            edit(vault)
            return vault.item(item_id)

        self.session.write(edit_and_reread, self._changed)

    def _changed(self, item: Item) -> None:
        if self.item is not None and self.item.id == item.id:
            self.show_item(item)
        self.item_changed.emit(item)

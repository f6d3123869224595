"""OCR for scans and photos: RapidOCR (PP-OCRv6 small models shipped inside the rapidocr 3.10.0 wheel,
run by onnxruntime), so nothing is downloaded at run time.

RapidOCR's text-direction classifier is off: it flips upright lines and their low-score results
are then dropped silently. Page rotation is decided here instead, from the shape of the detected
boxes (a page turned by 90° has tall boxes) and, for 180°, from the recognition scores. Lines of
low confidence are kept with their score, never dropped.

Recognised lines become text the way the PDF backend writes it: lines grouped into rows by their
vertical position, cells of a row separated by ' | ' where a wide gap parts them, a row without
figures under the cells of a table row taken as the wrapped rest of those cells, and full-width
prose lines joined. Every piece keeps its box and confidence.
"""
from __future__ import annotations

import bisect
import logging
import os
import statistics
import threading
from dataclasses import dataclass

import regex

from ..document import Box, Grid, GridCell
from . import layout
from .deskew import Straightened, straighten

ENGINE_NAME = "rapidocr 3.10.0 (PP-OCRv6 small, onnxruntime)"
MIN_SCORE = 0.3  # below this a line is kept but logged as doubtful
ORT_THREADS = 2  # onnxruntime threads per extracting process: more cores are used by more workers
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter number
log = logging.getLogger("jixiao.ocr")
_lock = threading.Lock()
_engine = None


class OcrUnavailable(RuntimeError):
    """rapidocr / onnxruntime are not installed."""


@dataclass
class OcrLine:
    text: str
    box: tuple[float, float, float, float]  # x0, top, x1, bottom in image pixels
    score: float


def engine():
    global _engine
    with _lock:
        if _engine is None:
            try:
                from rapidocr import RapidOCR
            except ImportError as exc:  # pragma: no cover - a dependency
                raise OcrUnavailable(f"OCR needs rapidocr==3.10.0 and onnxruntime ({exc})") from None
            _bound_malloc()
            threads = min(ORT_THREADS, os.cpu_count() or 1)
            _engine = RapidOCR(params={"Global.use_cls": False, "Global.log_level": "error",
                                       "Global.text_score": 0.05,
                                       # memory bounds, measured in bench/bench_ocr.py: onnxruntime's arena
                                       # keeps its high-water mark for the life of the process, and
                                       # each extra intra-op thread keeps its own buffers
                                       "EngineConfig.onnxruntime.enable_cpu_mem_arena": False,
                                       "EngineConfig.onnxruntime.intra_op_num_threads": threads,
                                       "EngineConfig.onnxruntime.inter_op_num_threads": 1})
        return _engine


def _bound_malloc() -> None:
    """Keep glibc from holding freed tensor memory. Without the arena, onnxruntime mallocs and frees
    each layer's tensors (tens of MiB); glibc then raises its mmap threshold to that size and serves
    the next ones from heaps that are never given back, so the resident size climbs with every page
    (measured: 663 MiB peak for two scan pages, 464 MiB with the threshold fixed). A fixed threshold
    sends every large block to mmap, returned to the system when freed."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        if libc is not None and hasattr(libc, "mallopt"):
            libc.mallopt(_M_MMAP_THRESHOLD, 128 * 1024)
    except OSError:  # not glibc (musl, macOS): their allocators return large blocks anyway
        pass


def recognise(image) -> list[OcrLine]:
    """OCR lines of an image (numpy array, RGB), upright as given."""
    # every switch explicit: the engine keeps the last call's switches otherwise
    result = engine()(image, use_det=True, use_cls=False, use_rec=True)
    out = []
    if result is None or result.boxes is None:
        return out
    for quad, text, score in zip(result.boxes, result.txts, result.scores):
        xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        line = OcrLine(str(text), (float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys))), float(score))
        if line.score < MIN_SCORE:
            log.debug("low-confidence OCR line kept: %r (%.2f)", line.text, line.score)
        out.append(line)
    return out


def recognise_upright(image, probe: bool = False) -> tuple[list[OcrLine], int, object]:
    """OCR with the page turned upright: (lines, degrees turned, the upright image).

    A page whose text boxes are mostly tall lies on its side and is recognised turned by 90° one
    way, then the other if that reads poorly; a page whose recognition scores are poor is tried
    upside down. With `probe` (photos, often sideways) the boxes are found first without reading
    them, which is cheap; without it (scans, nearly always upright) an upright page costs one pass."""
    import numpy as np

    if probe:
        found = engine()(image, use_det=True, use_cls=False, use_rec=False)
        quads = [] if getattr(found, "boxes", None) is None else list(found.boxes)
        sideways = bool(quads) and sum(1 for q in quads if _tall(q)) > 0.5 * len(quads)
        lines = [] if sideways else recognise(image)
    else:
        lines = recognise(image)
        sideways = bool(lines) and sum(1 for x in lines if _tall_box(x.box) and len(x.text) > 1) > 0.5 * len(lines)
    best = (lines, 0, image)
    if sideways:
        options = [3, 1]  # a phone held sideways, either way
    elif lines and _mean(lines) < 0.75:
        options = [2]
    else:
        options = []
    for k in options:
        turned = np.ascontiguousarray(np.rot90(image, k=k))
        other = recognise(turned)
        if _quality(other) > _quality(best[0]):
            best = (other, k * 90, turned)
        if _mean(other) >= 0.8:
            break
    return best


# a lone stroke the recogniser may name a figure: what a form's dash ('-', an empty amount) is read as (not 一, whose
# glyph is a bar of its own: a row's ordinal)
_LONE_STROKE = frozenset("1lI|丨")
# a figure stands as tall as the text beside it; a dash's ink is a thin bar, and its box half as high or less
DASH_HEIGHT = 0.6


def dashes_read_as_strokes(lines: list[OcrLine], h: float) -> list[OcrLine]:
    """A lone stroke whose box stands under DASH_HEIGHT of the text on its row (of the page's line height `h`
    where it stands alone) is a dash: a form's empty amount ('其他资金 | - | -'), which the recogniser reads '1' (a
    sum then counts it as 1万元). Its row, not the page, sets the height: a table set smaller than the prose."""
    def row_height(x: OcrLine) -> float:
        mid = (x.box[1] + x.box[3]) / 2
        beside = [y.box[3] - y.box[1] for y in lines if y is not x and y.box[1] <= mid <= y.box[3]]
        return min(statistics.median(beside), h) if beside else h  # (a two-line cell or a seal beside it: a line's)
    return [OcrLine("-", x.box, x.score) if x.text in _LONE_STROKE and x.box[3] - x.box[1] < DASH_HEIGHT * row_height(x)
            else x for x in lines]


def _tall_box(box) -> bool:
    return (box[3] - box[1]) > 1.5 * (box[2] - box[0])


def _tall(quad) -> bool:
    xs, ys = [p[0] for p in quad], [p[1] for p in quad]
    return _tall_box((min(xs), min(ys), max(xs), max(ys)))


def _mean(lines: list[OcrLine]) -> float:
    return sum(x.score for x in lines) / len(lines) if lines else 0.0


def _quality(lines: list[OcrLine]) -> float:
    return _mean(lines) * sum(len(x.text) for x in lines)


def mean_confidence(lines: list[OcrLine]) -> float | None:
    chars = sum(len(x.text) for x in lines)
    return round(sum(x.score * len(x.text) for x in lines) / chars, 4) if chars else None


# --- lines → text -----------------------------------------------------------------------------------

_FIGURE = regex.compile(r"^[\d.,%]+$")




def vertical_rules(image, h: float) -> list[float]:
    """x positions of the vertical ruling lines of tables drawn on the image (ink runs taller than
    three text lines); an empty list for borderless tables and plain prose.

    Ink is told from paper against its neighbourhood (adaptive threshold), not by one grey level:
    on a blurred, noisy scan a thin rule is mid-grey. Speckle and characters are shorter than the
    run a rule makes, and an opening with a tall, one-pixel-wide element keeps only such runs."""
    import cv2
    import numpy as np

    gray = image if image.ndim == 2 else cv2.cvtColor(np.ascontiguousarray(image[:, :, :3]), cv2.COLOR_RGB2GRAY)
    span = max(20, int(3 * h))
    if gray.shape[0] <= span:
        return []
    ink = cv2.adaptiveThreshold(gray, 1, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 15, 12)
    ink = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((5, 1), np.uint8))  # noise breaks a rule for a pixel or two
    ink = cv2.dilate(ink, np.ones((1, 3), np.uint8))  # a rule a deskew left half a pixel off the vertical
    runs = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((span, 1), np.uint8))
    columns = np.nonzero(runs.max(axis=0))[0]
    rules: list[float] = []
    run: list[int] = []  # neighbouring ink columns are one rule
    for x in columns.tolist():
        if run and x - run[-1] > 2:
            rules.append((run[0] + run[-1]) / 2)
            run = []
        run.append(x)
    if run:
        rules.append((run[0] + run[-1]) / 2)
    return rules


def ruled_cells(image, h: float) -> list[tuple[float, float, float, float]]:
    """The boxes (x0, y0, x1, y1) of the cells a ruled table draws on the image: the paper that its
    horizontal and vertical rules enclose, as a lattice reader finds them. Empty for borderless tables and
    prose. A cell's lines of text are one cell's (a narrow column wraps '项目实施单位' into '项目实' /
    '施单位'), whatever their gap."""
    import cv2
    import numpy as np

    gray = image if image.ndim == 2 else cv2.cvtColor(np.ascontiguousarray(image[:, :, :3]), cv2.COLOR_RGB2GRAY)
    span = max(20, int(3 * h))
    if min(gray.shape) <= 2 * span:
        return []
    ink = cv2.adaptiveThreshold(gray, 1, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 15, 12)
    ink = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    # rules run longer than any stroke of a character: three text heights at least, across or down
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, span), np.uint8))
    down = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((span, 1), np.uint8))
    grid = cv2.dilate(across | down, np.ones((3, 3), np.uint8))
    if not across.any() or not down.any():
        return []
    count, labels, stats, _ = cv2.connectedComponentsWithStats((1 - grid).astype(np.uint8), connectivity=4)
    page = gray.shape[0] * gray.shape[1]
    cells = []
    for k in range(1, count):
        x, y, w, hh, area = stats[k]
        touches = x == 0 or y == 0 or x + w >= gray.shape[1] or y + hh >= gray.shape[0]
        # enclosed, at least a line of text high, a rectangle (the paper of a cell), no larger than a table's share
        if touches or hh < 0.8 * h or w < h or area < 0.85 * w * hh or w * hh > 0.5 * page:
            continue
        cells.append((float(x), float(y), float(x + w), float(y + hh)))
    return cells


def _joined_in_cells(lines: list[OcrLine], cells: list[tuple[float, float, float, float]]) -> list[OcrLine]:
    """Lines that lie in one ruled cell made one line, read top to bottom; other lines as they are."""
    if not cells:
        return lines
    inside: dict[int, list[OcrLine]] = {}
    out: list[OcrLine] = []
    for line in lines:
        cx, cy = (line.box[0] + line.box[2]) / 2, (line.box[1] + line.box[3]) / 2
        k = next((i for i, (x0, y0, x1, y1) in enumerate(cells) if x0 <= cx <= x1 and y0 <= cy <= y1), None)
        if k is None:
            out.append(line)
        else:
            inside.setdefault(k, []).append(line)
    for k, group in inside.items():
        rows = _rows_of(group, 0.5 * statistics.median(x.box[3] - x.box[1] for x in group))
        text = ""
        for row in rows:  # the pieces of one line side by side, the lines run on as a wrap runs on
            piece = " ".join(x.text for x in row)
            text = piece if not text else text + layout.joiner(text, piece) + piece
        # the cell's text stands a line high under the cell's top rule: the cells of one table row share that rule,
        # whatever lines they hold and however their text sits in them, and are read as one row; a cell merged
        # down over several rows opens the first of them
        top, high = cells[k][1], rows[0][0].box[3] - rows[0][0].box[1]
        # (its confidence is its characters': a two-character list mark read doubtfully, '八.', leaves the label
        # beside it as sure as it was read)
        score = sum(x.score * len(x.text) for x in group) / max(1, sum(len(x.text) for x in group))
        out.append(OcrLine(text, (min(x.box[0] for x in group), top, max(x.box[2] for x in group), top + high), score))
    return out


def _rows_of(lines: list[OcrLine], tolerance: float) -> list[list[OcrLine]]:
    """Lines grouped into rows by their middles (within `tolerance` of the row's), top to bottom, each row left
    to right: a piece a little lower on its line ('八.' before '质量达标率') stays in it."""
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda x: (x.box[1] + x.box[3]) / 2):
        mid = (line.box[1] + line.box[3]) / 2
        if rows and abs(mid - _row_mid(rows[-1])) <= tolerance:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda x: x.box[0]) for row in rows]


def page_text(lines: list[OcrLine], scale: float = 1.0, rules: list[float] | None = None,
              height: float | None = None, width: float | None = None) -> tuple[str, list[Box]]:
    """The page's text from OCR lines; boxes are multiplied by `scale` (pixels → PDF points).
    `rules` are the x positions of vertical table rules: cells never merge across one."""
    if not lines:
        return "", []
    h = statistics.median(x.box[3] - x.box[1] for x in lines)
    if height:  # page numbers in the margins are furniture, as in the text layer
        lines = [x for x in lines if not (layout.is_page_number(x.text, x.box[1], x.box[3], height)
                                          and (layout.FRAMED_PAGE_NUMBER.match(x.text) or _alone_on_its_row(x, lines)))]
        if not lines:
            return "", []
    cells_rows = [_cells(r, h, rules or []) for r in _rows_of(lines, 0.6 * h)]
    cells_rows = _fold_continuations(cells_rows, h)
    right = _text_right(cells_rows, h, width)
    text_parts: list[str] = []
    boxes: list[Box] = []
    pos = 0
    prev = None
    for cells in cells_rows:
        if text_parts:
            sep = layout.joiner(prev[0][0], cells[0][0]) if _wraps(prev, cells, right, h) else "\n"
            text_parts.append(sep)
            pos += len(sep)
        for k, (text, box, score) in enumerate(cells):
            if k:
                text_parts.append(CELL_BREAK)
                pos += len(CELL_BREAK)
            text_parts.append(text)
            boxes.append(Box(pos, pos + len(text), tuple(round(v * scale, 2) for v in box), round(score, 4)))
            pos += len(text)
        prev = cells
    return "".join(text_parts), boxes


CELL_BREAK = " | "  # what page_text writes between two recognised cells of a row


def page_grid(text: str, boxes: list[Box]) -> list[Grid]:
    """The OCR'd page's table as a grid: every line page_text (or a band spliced in, pdf_scan.splice)
    wrote as several recognised cells is a row, each box one cell. A '|' the recogniser read inside a
    cell (a table rule taken for a stroke) stays in its cell."""
    breaks = [m.start() for m in regex.finditer("\n", text)]
    rows: dict[int, list[Box]] = {}
    for b in sorted(boxes, key=lambda b: b.start):
        rows.setdefault(bisect.bisect_left(breaks, b.start), []).append(b)
    cells = []
    for row, line in enumerate(r for _, r in sorted(rows.items()) if len(r) >= 2 and all(
            text[a.end:b.start] == CELL_BREAK for a, b in zip(r, r[1:]))):
        cells.extend(GridCell(row, col, b.start, b.end) for col, b in enumerate(line))
    return [Grid(1, cells)] if cells else []


def _alone_on_its_row(line: OcrLine, lines: list[OcrLine]) -> bool:
    """No other piece shares the line's height on the page. OCR gives each table cell as a line of its
    own, so a bare figure low on the page is a page number only alone on its row: beside other cells
    it is a cell (the weight and score of a table's last rows above the footer). A number that says it is
    one ('- 3 -', '第3页') is furniture wherever it stands."""
    top, bottom = line.box[1], line.box[3]
    for other in lines:
        if other is line:
            continue
        overlap = min(bottom, other.box[3]) - max(top, other.box[1])
        if overlap > 0.5 * min(bottom - top, other.box[3] - other.box[1]):
            return False
    return True


def _row_mid(row: list[OcrLine]) -> float:
    return sum((x.box[1] + x.box[3]) / 2 for x in row) / len(row)


def _cells(row: list[OcrLine], h: float, rules: list[float]) -> list[tuple[str, tuple, float]]:
    """Boxes of one row merged into cells: pieces a narrow gap parts are one cell, unless a table
    rule runs between them."""
    cells: list[list] = []
    for line in row:
        ruled = any(cells[-1][1][2] - 2 <= x <= line.box[0] + 2 for x in rules) if cells else False
        if cells and not ruled and line.box[0] - cells[-1][1][2] < (1.2 if not rules else 2.0) * h:
            text, box, score = cells[-1]
            cells[-1] = [text + line.text, (box[0], min(box[1], line.box[1]), line.box[2], max(box[3], line.box[3])),
                         min(score, line.score)]
        else:
            cells.append([line.text.replace("|", "/"), line.box, line.score])
    return [tuple(c) for c in cells]


def _fold_continuations(rows, h):
    """A row with no figure whose cells all sit under cells of the table row above, close below it,
    is the wrapped rest of those cells ('…健全性' / '和执行的有效性')."""
    out = []
    for cells in rows:
        prev = out[-1] if out else None
        if prev and len(prev) >= 3 and any(_FIGURE.match(c[0]) for c in prev) and not any(_FIGURE.match(c[0]) for c in cells):
            gap = min(c[1][1] for c in cells) - max(c[1][3] for c in prev)
            targets = [_under(c, prev) for c in cells]
            if gap < 0.8 * h and all(t is not None for t in targets):
                merged = list(prev)
                for c, t in zip(cells, targets):
                    text, box, score = merged[t]
                    merged[t] = (text + c[0], (min(box[0], c[1][0]), box[1], max(box[2], c[1][2]), max(box[3], c[1][3])),
                                 min(score, c[2]))
                out[-1] = merged
                continue
        out.append(cells)
    return out


def _under(cell, row) -> int | None:
    for k, c in enumerate(row):
        overlap = min(cell[1][2], c[1][2]) - max(cell[1][0], c[1][0])
        if overlap > 0.5 * (cell[1][2] - cell[1][0]):
            return k
    return None


# lines of prose (this many characters at least) that end at one right edge make it the text's margin, wherever it
# stands on the image (a photo of a page in part of the frame, an A5 page on an A4 scan)
MARGIN_LINES = 3
MARGIN_LINE_CHARS = 12


def _text_right(cells_rows, h: float, width: float | None) -> float | None:
    """The right edge the page's prose wraps at: its widest line's, where that line reaches most of the page's width
    (layout.MIN_TEXT_RIGHT) or several lines of prose end there. None for a page of short lines (a form's one
    column of cells, a closing page): none of them is a wrapped line."""
    right = max(c[-1][1][2] for c in cells_rows if c)
    if not width or right >= layout.MIN_TEXT_RIGHT * width:
        return right
    # a page in part of the frame: the right edge that several lines of prose end at, within half a character (a
    # seal's text or a heading may stand out past it)
    ends = sorted((c[0][1][2] for c in cells_rows if len(c) == 1 and len(c[0][0]) >= MARGIN_LINE_CHARS), reverse=True)
    return next((r for r in ends if sum(1 for e in ends if r - 0.5 * h <= e <= r) >= MARGIN_LINES), None)


def _wraps(prev, cells, right, h) -> bool:
    if prev is None or len(prev) != 1 or len(cells) != 1:
        return False
    reach = prev[0][1][2] + _carried_word_width(cells[0])
    return layout.continues(prev[0][0], cells[0][0], reach, right, 1.4 * h)


def _carried_word_width(cell) -> float:
    """The width of the word the line opens with that was carried whole from the line above (layout.carried_word):
    its share of the line's box, a Chinese character counted two columns and a figure or a Latin letter one (an OCR
    gives a line one box, not one per character)."""
    text, box = cell[0], cell[1]
    word, columns = layout.carried_word(text), layout.columns(text)
    return (box[2] - box[0]) * layout.columns(word) / columns if word and columns else 0.0


# --- pages and images --------------------------------------------------------------------------------

def unrotate(box, k: int, width: float, height: float):
    """A box found on the image turned by np.rot90(·, k), in the original image's pixels (width × height)."""
    x0, y0, x1, y1 = box
    corners = [(x0, y0), (x1, y1)]
    if k % 4 == 1:
        pts = [(width - y, x) for x, y in corners]
    elif k % 4 == 2:
        pts = [(width - x, height - y) for x, y in corners]
    elif k % 4 == 3:
        pts = [(y, height - x) for x, y in corners]
    else:
        return box
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def ocr_image_text(image, scale: float = 1.0, probe: bool = False,
                   deskew: bool = False) -> tuple[str, list[Box], list[OcrLine], int]:
    """Text and boxes of an image (boxes in the original orientation, times `scale`). With `deskew`
    (scans) a page fed a little crooked is turned level first (deskew.py)."""
    height, width = image.shape[:2]
    straight = straighten(image) if deskew else Straightened(image, 0.0)
    del image  # the straightened copy is the one read
    upright_lines, degrees, upright_image = recognise_upright(straight.image, probe)
    k = degrees // 90
    h = statistics.median(x.box[3] - x.box[1] for x in upright_lines) if upright_lines else 0
    upright_lines = dashes_read_as_strokes(upright_lines, h)
    rules = vertical_rules(upright_image, h) if upright_lines else []
    cells = ruled_cells(upright_image, h) if upright_lines and rules else []
    up_height, up_width = upright_image.shape[:2]
    del upright_image

    def home(box):
        """A box found on the upright, straightened image in the image's own pixels."""
        return straight.unmap(unrotate(box, k, width, height) if k else box)

    # rows are built in the upright frame; the boxes go back to the image's own frame
    text, boxes = page_text(_joined_in_cells(upright_lines, cells), 1.0, rules, up_height, up_width)
    boxes = [Box(b.start, b.end, tuple(round(v * scale, 2) for v in home(b.bbox)), b.confidence) for b in boxes]
    lines = [OcrLine(x.text, home(x.box), x.score) for x in upright_lines]
    return text, boxes, lines, degrees

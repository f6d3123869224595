"""Small hostile files for the reliability tests (tests/test_reliability.py) and for trying the tool by
hand: names that are not UTF-8 or hold control characters, a workbook that makes xlrd talk on stdout,
a file posing as an image, a table whose spans make the reader slow, a PDF page whose one rendering
takes minutes, blank PNGs one pixel thick, a shared-strings workbook, Office files declaring an XXE
entity past the first 4 KB, a .pdf without a PDF header, a file of NUL bytes. Nothing is downloaded: every file
is made from the repository's own samples and generated reports.

    python scripts/make_hostile.py OUT_FOLDER     # writes them all under OUT_FOLDER
"""
from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from corpus import report_text  # noqa: E402

# the name of a spreadsheet's formula that runs a program, after a carriage return (CSV injection)
FORMULA = "=cmd|' -C calc'!A0"

# file names as bytes: what an archive unzipped from a Chinese Windows machine, or an odd tool, leaves
ODD_NAMES: dict[str, bytes] = {
    "gbk": "绩效报告".encode("gbk") + b".txt",  # GBK bytes, not valid UTF-8
    "latin1": "r\xe9sum\xe9".encode("latin-1") + b".txt",  # Latin-1 bytes, not valid UTF-8
    "cr_formula": b"report\r" + FORMULA.encode("ascii") + b".txt",  # a carriage return, then a formula
    "newline": "报告\n第二份.txt".encode(),  # valid UTF-8 holding a line feed
}


def report(seed: int, year: int = 2021) -> str:
    """A generated evaluation report (scripts/corpus.py); a different seed, different content."""
    return report_text(random.Random(seed), "南县教育局", f"义务教育公用经费{seed}", year)


def write_odd_names(folder: Path, seed: int = 100) -> dict[str, bytes]:
    """One report under each name of ODD_NAMES and one under a plain name (`plain.txt`), each with its own
    content; returns {kind: the file's full path as bytes}."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for k, (kind, name) in enumerate({**ODD_NAMES, "plain": b"plain.txt"}.items()):
        path = os.fsencode(folder) + b"/" + name
        with open(path, "wb") as fh:
            fh.write(report(seed + k).encode("utf-8"))
        out[kind] = path
    return out


def write_padded_xls(path: Path) -> Path:
    """The Sichuan XLS sample with three bytes appended: xlrd then prints `WARNING *** file size (…) not
    512 + multiple of sector size (512)`, by default to stdout."""
    data = (ROOT / "samples" / "sichuan_selfeval_2023.xls").read_bytes()
    path.write_bytes(data + b"xyz")
    return path


def write_fake_image(path: Path) -> Path:
    """A PNG signature followed by garbage: Pillow cannot identify it (and names its BytesIO, not the file)."""
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return path


def write_span_table(path: Path, n: int = 4) -> Path:
    """An HTML table of n×n cells each spanning 500 columns and 500 rows: seconds of work for a few bytes
    (n=4: about 8 s here; n=20 runs past a minute) — a pure-Python hang the time limit must cut."""
    rows = "".join("<tr>" + "".join(f'<td colspan="500" rowspan="500">{r}{c}</td>' for c in range(n)) + "</tr>"
                   for r in range(n))
    path.write_text(f"<html><body><p>项目预算执行率为95%。</p><table>{rows}</table></body></html>", encoding="utf-8")
    return path


def write_slow_render_pdf(path: Path, side_pt: int = 10000, fills: int = 3000) -> Path:
    """One page of side_pt × side_pt points with `fills` full-page fills and no text (about 1.5 KB): read
    by OCR, pdfium is asked for a 326 Mpx rendering at 130 dpi and redraws every fill into it — a single
    render() call that no Python signal interrupts."""
    import zlib
    content = zlib.compress(b"".join(b"0.%d g 0 0 %d %d re f\n" % (k % 10, side_pt, side_pt) for k in range(fills)), 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R /Resources << >> >>" % (side_pt, side_pt),
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


THIN_PNGS = {"1x255": (1, 255), "1x1000": (1, 1000), "1600x2": (1600, 2)}  # blank strips: 9.5 GB in OCR uncapped


def write_thin_pngs(folder: Path) -> dict[str, Path]:
    """Blank PNGs one or two pixels thick (about 80 bytes each)."""
    from PIL import Image
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, size in THIN_PNGS.items():
        path = folder / f"thin_{name}.png"
        Image.new("L", size, 255).save(path)
        out[name] = path
    return out


def write_shared_strings_xlsx(path: Path, cells: int = 3000, length: int = 100_000,
                              shared_part: str = "sharedStrings.xml") -> Path:
    """A workbook shaped like Apache POI's poc-shared-strings.xlsx: one shared string of `length`
    characters repeated in `cells` cells. Small zipped (under the zip-bomb limits), it becomes
    cells × length characters (300 million here) once the sheet is read into text. `shared_part`: the
    shared strings' part name under xl/ (a renamed part is still found by its content type)."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rows = "".join(f'<row r="{r + 1}">' + "".join(f'<c r="{c}{r + 1}" t="s"><v>0</v></c>' for c in "ABCDEFGHIJ") + "</row>"
                   for r in range(cells // 10))
    shared = (f'<?xml version="1.0" encoding="UTF-8"?><sst {ns} count="{cells}" uniqueCount="1">'
              f'<si><t>{"预算执行率" * (length // 5)}</t></si></sst>')
    return write_workbook(path, [f"<sheetData>{rows}</sheetData>"], shared, shared_part)


def write_merged_xlsx(path: Path, ref: str = "A1:XFD1048576", text: str = "预算执行率", length: int = 5) -> Path:
    """One cell of `length` characters merged over `ref`: 1.6 KB on disk; openpyxl makes a cell object for
    every cell a merged range covers (17 billion for the whole sheet), and the range's text is repeated
    into each."""
    body = (f'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>{(text * length)[:length]}</t></is></c></row>'
            f'</sheetData><mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>')
    return write_workbook(path, [body])


def write_inline_strings_xlsx(path: Path, sheets: int = 19, mib: float = 9.9) -> Path:
    """`sheets` sheets, each one inline string of `mib` MiB (each part under the 10 MiB at which a
    member's compression ratio is looked at, all under the 200 MiB unzipped cap)."""
    chars = int(mib * 2**20) // 3  # three UTF-8 bytes per character
    body = f'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>{"预" * chars}</t></is></c></row></sheetData>'
    return write_workbook(path, [body] * sheets)


def write_workbook(path: Path, sheet_bodies: list[str], shared: str | None = None,
                   shared_part: str = "sharedStrings.xml") -> Path:
    """A minimal XLSX: one worksheet per body (the XML inside <worksheet>), shared strings optional."""
    import zipfile
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml."
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships">{}</Relationships>')
    rel = '<Relationship Id="{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{}" Target="{}"/>'
    n = len(sheet_bodies)
    overrides = f'<Override PartName="/xl/workbook.xml" ContentType="{ct}sheet.main+xml"/>' + "".join(
        f'<Override PartName="/xl/worksheets/sheet{k}.xml" ContentType="{ct}worksheet+xml"/>' for k in range(1, n + 1))
    book_rels = "".join(rel.format(f"rId{k}", "worksheet", f"worksheets/sheet{k}.xml") for k in range(1, n + 1))
    if shared is not None:
        overrides += f'<Override PartName="/xl/{shared_part}" ContentType="{ct}sharedStrings+xml"/>'
        book_rels += rel.format(f"rId{n + 1}", "sharedStrings", shared_part)
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                               'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                               f'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>',
        "_rels/.rels": rels.format(rel.format("rId1", "officeDocument", "xl/workbook.xml")),
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} xmlns:r="http://schemas.openxmlformats.'
                           f'org/officeDocument/2006/relationships"><sheets>'
                           + "".join(f'<sheet name="表{k}" sheetId="{k}" r:id="rId{k}"/>' for k in range(1, n + 1))
                           + '</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": rels.format(book_rels),
    }
    for k, body in enumerate(sheet_bodies, start=1):
        parts[f"xl/worksheets/sheet{k}.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}>{body}</worksheet>'
    if shared is not None:
        parts[f"xl/{shared_part}"] = shared
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return path


XXE_DOCTYPE = b'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def write_padded_xxe(path: Path, sample: str, part: str, padding: int = 8192) -> Path:
    """A copy of an Office sample whose `part` declares a file entity after `padding` bytes of comment
    (past the first 4 KB, where a prefix check looked) and uses it in the text."""
    import zipfile
    with zipfile.ZipFile(ROOT / "samples" / sample) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                head, sep, rest = data.partition(b"?>") if data.startswith(b"<?xml") else (b"", b"", data)
                data = head + sep + b"<!--" + b" " * padding + b"-->" + XXE_DOCTYPE + rest.replace(b"</w:t>", b"&xxe;</w:t>", 1)
            dst.writestr(info, data)
    return path


def write_formula_xlsx(path: Path) -> Path:
    """The 2020 self-assessment form (samples/selfeval_2021.xlsx) with its full-year budget (C6, 320) a
    formula over another workbook ([1]预算!C6) and its executed amount (D6, 304.8) a SUM, both with the
    cached results Excel leaves: read as figures, they are what a stale link last gave."""
    import zipfile
    with zipfile.ZipFile(ROOT / "samples" / "selfeval_2021.xlsx") as src, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                for old, new in ((b'<c r="C6" t="n"><v>320</v>', '<c r="C6" t="n"><f>[1]预算!C6</f><v>320</v>'.encode()),
                                 (b'<c r="D6" t="n"><v>304.8</v>', b'<c r="D6" t="n"><f>SUM(D7:D9)</f><v>304.8</v>')):
                    assert old in data, old
                    data = data.replace(old, new)
            dst.writestr(info, data)
    return path


def write_not_pdf(path: Path) -> Path:
    """A file named .pdf with no %PDF header: PDF-like objects after junk (as two pdf.js test files)."""
    path.write_bytes(b"garbage header\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    return path


def write_nul_bytes(path: Path, n: int = 24) -> Path:
    path.write_bytes(b"\x00" * n)
    return path


def main(argv: list[str]) -> int:
    # An option is never a folder name: `--help` once wrote the whole set into a folder called "--help".
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 0 if argv[:1] in (["-h"], ["--help"]) else 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    write_odd_names(out / "names")
    write_padded_xls(out / "padded.xls")
    write_fake_image(out / "fake.png")
    write_span_table(out / "spans.html")
    write_slow_render_pdf(out / "slow_render.pdf")
    write_thin_pngs(out / "thin")
    write_shared_strings_xlsx(out / "shared_strings.xlsx")
    write_shared_strings_xlsx(out / "shared_strings_renamed.xlsx", shared_part="strings/pool.xml")
    write_merged_xlsx(out / "merged_whole_sheet.xlsx")
    write_merged_xlsx(out / "merged_long_cell.xlsx", ref="A1:T100000", length=32_000)
    write_inline_strings_xlsx(out / "inline_strings.xlsx")
    write_padded_xxe(out / "padded_xxe.docx", "project_shanghai.docx", "word/document.xml")
    write_padded_xxe(out / "padded_xxe.xlsx", "selfeval_2021.xlsx", "xl/workbook.xml")
    write_formula_xlsx(out / "formula_external.xlsx")
    write_not_pdf(out / "no_header.pdf")
    write_nul_bytes(out / "nul.txt")
    print(f"hostile files written under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

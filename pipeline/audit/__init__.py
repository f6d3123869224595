"""The auditor's report: one self-contained HTML file (no network needed to open it).

How many reports, how many flagged and why; for each flagged report its failed checks with their
messages, expected and actual figures, and a picture of the page region each figure came from (the
box cropped from the rendered PDF page); charts of total scores and execution rates by year.
Every piece of document text goes through Jinja2's autoescaping: a title that reads `<script>…`
shows as text.
"""
from __future__ import annotations

import base64
import io
import json
import os
from collections import Counter
from pathlib import Path

import jinja2

from ..dataset.export import cross_checks, read_tables, write_text_atomic
from ..dataset.store import Store

MAX_FLAGGED = 500  # a report beyond this many flagged files would not be read; the rest are counted


def build_audit(store: Store, out_html: str | Path, images: bool = True) -> dict:
    tables = read_tables(store)
    reports, checks = tables["reports"], tables["checks"]
    files = tables["files"]
    paths = files.groupby("sha256")["path"].apply(list).to_dict() if len(files) else {}
    failed = checks[checks["status"] == "fail"] if len(checks) else checks
    warned = checks[checks["status"] == "warn"] if len(checks) else checks
    by_check = Counter(failed["check_id"]) if len(failed) else Counter()
    flagged_ids = list(dict.fromkeys(failed["report_id"])) if len(failed) else []
    crops = _Cropper(store) if images else None
    flagged = []
    for rid in flagged_ids[:MAX_FLAGGED]:
        row = reports[reports["report_id"] == rid].iloc[0].to_dict()
        record = json.loads(store.query("SELECT record_json FROM reports WHERE id = ?", (rid,))[0][0])
        source = next(iter(paths.get(row["sha256"], [])), record["source"].get("path"))
        items = []
        failing = set(failed[failed["report_id"] == rid]["check_id"])  # the table's verdicts (they may be re-checked)
        for c in record["checks"]:
            if c["id"] not in failing:
                continue
            evidence = []
            for ev in c.get("evidence") or []:
                picture = crops.crop(source, ev.get("page"), ev.get("bbox")) if crops and source else None
                evidence.append({"pointer": ev.get("pointer"), "page": ev.get("page"), "text": ev.get("text"),
                                 "bbox": ev.get("bbox"), "picture": picture})
            items.append({"id": c["id"], "message": c["message"], "expected": _show(c.get("expected")),
                          "actual": _show(c.get("actual")), "evidence": evidence})
        flagged.append({"id": rid, "title": row.get("title") or "(无标题 / no title)", "project": row.get("project_name"),
                        "department": row.get("department"),
                        "year": _int(row.get("year")), "path": source, "total_score": row.get("total_score"),
                        "checks": items})
    failed_files = files[files["status"] == "failed"][["path", "error"]].to_dict("records") if len(files) else []
    not_read = _not_read(reports, paths)
    # files that hold no report: kept out of every count and chart above, listed with their reason
    not_reports = (files[files["document_class"].notna()][["path", "document_class", "class_reason"]].to_dict("records")
                   if len(files) and "document_class" in files else [])
    context = {
        "n_reports": len(reports), "n_files": files["sha256"].nunique() if len(files) else 0,
        "n_flagged": len(flagged_ids), "n_warned": warned["report_id"].nunique() if len(warned) else 0,
        "by_check": by_check.most_common(), "flagged": flagged, "more_flagged": max(0, len(flagged_ids) - MAX_FLAGGED),
        "failed_files": failed_files, "not_reports": not_reports, "not_read": not_read, "cross": cross_checks(tables).to_dict("records"),
        "score_chart": _year_chart(reports, "total_score", "总分 / total score", 100),
        "rate_chart": _year_chart(reports, "execution_rate", "执行率 % / execution rate %", 100),
    }
    html = _template().render(**context)
    write_text_atomic(out_html, html)  # a temporary name, renamed: a failure leaves no half-written report
    return {"reports": context["n_reports"], "flagged": context["n_flagged"], "path": str(out_html)}


_KEY_PART_NAMES = {"score_table": "评分表 / score table", "total_score": "总分 / total score", "budget": "预算数 / budget"}


def _not_read(reports, paths: dict) -> list[dict]:
    """Reports missing a key part (score table, total score, budget): what a person must read by hand."""
    if not len(reports) or "key_missing" not in reports:
        return []
    out = []
    for row in reports[reports["key_missing"].fillna("") != ""].to_dict("records"):
        out.append({"title": row.get("title") or "(无标题 / no title)", "path": next(iter(paths.get(row["sha256"], [])), ""),
                    "missing": " · ".join(_KEY_PART_NAMES.get(k, k) for k in row["key_missing"].split(","))})
    return out


def _show(v) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.6f}".rstrip("0").rstrip(".")
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


def _int(v):
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


class _Cropper:
    """Renders the PDF pages that evidence points at (once each) and crops the boxes, as PNG data URIs."""

    SCALE = 2.0

    def __init__(self, store: Store | None = None):
        self.pages: dict[tuple[str, int], object] = {}
        self.store = store

    IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif")

    def _openable(self, path: str) -> str:
        """The name to open for a stored path: a name stored escaped (not UTF-8) is opened by its raw bytes."""
        if self.store is None:
            return path
        try:
            raw = self.store.raw_path(path)
        except Exception:  # noqa: BLE001 - an older database without the column
            return path
        return os.fsdecode(raw) if raw is not None else path

    def crop(self, path: str, page: int | None, bbox) -> str | None:
        if not path or not page or not bbox:
            return None
        path = self._openable(path)
        if not Path(path).exists():
            return None
        suffix = str(path).lower().rsplit(".", 1)[-1]
        if f".{suffix}" not in (".pdf",) + self.IMAGE_SUFFIXES:
            return None
        try:
            if suffix == "pdf":
                image, scale = self._page(path, page), self.SCALE  # boxes in PDF points
            else:
                image, scale = self._image(path, page), 1.0  # boxes in the image's pixels
            x0, top, x1, bottom = (v * scale for v in bbox)
            pad = 12 * scale
            box = (max(0, int(x0 - pad)), max(0, int(top - pad)), min(image.width, int(x1 + pad)), min(image.height, int(bottom + pad)))
            if box[2] <= box[0] or box[3] <= box[1]:
                return None
            buf = io.BytesIO()
            image.crop(box).save(buf, format="PNG", optimize=True)
            return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
        except Exception:  # noqa: BLE001 - a picture is a help, not a requirement
            return None

    def _image(self, path: str, number: int):
        key = (path, number)
        if key not in self.pages:
            from PIL import Image, ImageOps, ImageSequence
            with Image.open(path) as im:
                frame = next(f for k, f in enumerate(ImageSequence.Iterator(im), start=1) if k == number)
                self.pages[key] = ImageOps.exif_transpose(frame).convert("RGB")
        return self.pages[key]

    def _page(self, path: str, number: int):
        key = (path, number)
        if key not in self.pages:
            import pypdfium2
            pdf = pypdfium2.PdfDocument(path)
            self.pages[key] = pdf[number - 1].render(scale=self.SCALE).to_pil().convert("RGB")
            pdf.close()
        return self.pages[key]


def _year_chart(reports, column: str, label: str, top: float) -> dict | None:
    """Mean, min and max of a column per year, as the numbers an inline SVG chart draws."""
    if len(reports) == 0:
        return None
    df = reports.dropna(subset=["year", column])
    if len(df) == 0:
        return None
    stats = df.groupby("year")[column].agg(["mean", "min", "max", "count"]).reset_index()
    bars = []
    width = 56
    for i, row in enumerate(stats.to_dict("records")):
        def y(v):
            return 200 - 180 * min(max(v, 0), top) / top
        bars.append({"x": 40 + i * width, "year": int(row["year"]), "mean": round(row["mean"], 2), "n": int(row["count"]),
                     "y_mean": y(row["mean"]), "y_min": y(row["min"]), "y_max": y(row["max"]), "h": 200 - y(row["mean"])})
    return {"label": label, "bars": bars, "width": 60 + len(bars) * width}


def _template() -> jinja2.Template:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(_TEMPLATE)


_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>jixiao 审计报告 / audit report</title>
<style>
body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:22px} h2{font-size:18px;border-bottom:1px solid #ccc;padding-bottom:4px}
table{border-collapse:collapse;margin:8px 0} td,th{border:1px solid #ccc;padding:4px 8px;font-size:13px;vertical-align:top}
.flagged{border:1px solid #d33;border-radius:6px;padding:8px 12px;margin:12px 0}
.check{margin:8px 0 8px 12px} .fail{color:#b00;font-weight:bold}
.evidence img{border:1px solid #888;max-width:100%} .raw{background:#f6f6f6;padding:2px 6px;font-family:monospace}
.summary td{font-size:15px}
</style></head><body>
<h1>jixiao 审计报告 / audit report</h1>
<table class="summary">
<tr><td>报告数 / reports</td><td id="n-reports">{{ n_reports }}</td></tr>
<tr><td>文件数 / files</td><td>{{ n_files }}</td></tr>
<tr><td>有未通过核对的报告 / flagged reports</td><td id="n-flagged">{{ n_flagged }}</td></tr>
<tr><td>有警告的报告 / reports with warnings</td><td>{{ n_warned }}</td></tr>
<tr><td>读取失败的文件 / files that failed</td><td>{{ failed_files|length }}</td></tr>
<tr><td>不是报告的文件 / files that are not reports</td><td>{{ not_reports|length }}</td></tr>
<tr><td>未能读取关键内容的报告 / reports with key parts not read</td><td>{{ not_read|length }}</td></tr>
</table>
{% if by_check %}<h2>未通过的核对 / failed checks</h2>
<table><tr><th>核对 / check</th><th>报告数 / reports</th></tr>
{% for cid, n in by_check %}<tr><td>{{ cid }}</td><td>{{ n }}</td></tr>{% endfor %}</table>{% endif %}
{% for chart in [score_chart, rate_chart] if chart %}
<h2>{{ chart.label }} — 按年度 / by year</h2>
<svg class="chart" width="{{ chart.width }}" height="230" role="img" aria-label="{{ chart.label }}">
<line x1="30" y1="200" x2="{{ chart.width }}" y2="200" stroke="#444"/>
{% for b in chart.bars %}<rect x="{{ b.x }}" y="{{ b.y_mean }}" width="30" height="{{ b.h }}" fill="#6a9fd4"><title>{{ b.year }}: {{ b.mean }} (n={{ b.n }})</title></rect>
<line x1="{{ b.x + 15 }}" y1="{{ b.y_min }}" x2="{{ b.x + 15 }}" y2="{{ b.y_max }}" stroke="#333"/>
<text x="{{ b.x }}" y="215" font-size="11">{{ b.year }}</text><text x="{{ b.x }}" y="{{ b.y_mean - 4 }}" font-size="10">{{ b.mean }}</text>{% endfor %}
</svg>{% endfor %}
<h2>需要关注的报告 / flagged reports</h2>
{% for r in flagged %}<div class="flagged" data-report="{{ r.id }}">
<div><b>{{ r.title }}</b> — {{ r.project or "—" }} — {{ r.department or "—" }} — {{ r.year or "—" }} — 总分 {{ r.total_score if r.total_score is not none else "—" }}</div>
<div class="raw">{{ r.path }}</div>
{% for c in r.checks %}<div class="check"><span class="fail">{{ c.id }}</span>: {{ c.message }}
<br>应为 / expected <b>{{ c.expected }}</b>, 实际 / actual <b>{{ c.actual }}</b>
{% for e in c.evidence %}<div class="evidence">{{ e.pointer }} — 第{{ e.page }}页 / page {{ e.page }}: <span class="raw">{{ e.text }}</span>
{% if e.picture %}<br><img alt="{{ e.pointer }}" src="{{ e.picture }}">{% endif %}</div>{% endfor %}
</div>{% endfor %}</div>{% else %}<p>没有未通过核对的报告 / no flagged report.</p>{% endfor %}
{% if more_flagged %}<p>另有 {{ more_flagged }} 份报告未列出 / {{ more_flagged }} more not shown.</p>{% endif %}
{% if cross %}<h2>跨报告核对 / across reports</h2><table><tr><th>check</th><th>message</th><th>reports</th></tr>
{% for f in cross %}<tr><td>{{ f.check_id }}</td><td>{{ f.message }}</td><td class="raw">{{ f.report_ids }}</td></tr>{% endfor %}</table>{% endif %}
{% if failed_files %}<h2>读取失败的文件 / files that failed</h2><table><tr><th>file</th><th>reason</th></tr>
{% for f in failed_files %}<tr><td class="raw">{{ f.path }}</td><td>{{ f.error }}</td></tr>{% endfor %}</table>{% endif %}
{% if not_read %}<h2>未能读取 / not read</h2><table><tr><th>report</th><th>file</th><th>not read</th></tr>
{% for r in not_read %}<tr><td>{{ r.title }}</td><td class="raw">{{ r.path }}</td><td>{{ r.missing }}</td></tr>{% endfor %}</table>{% endif %}
{% if not_reports %}<h2>不是报告的文件 / files that are not reports</h2><table><tr><th>file</th><th>class</th><th>reason</th></tr>
{% for f in not_reports %}<tr><td class="raw">{{ f.path }}</td><td>{{ f.document_class }}</td><td>{{ f.class_reason }}</td></tr>{% endfor %}</table>{% endif %}
</body></html>
"""

"""The audit page's HTML: one file, no network (inline CSS and SVG, pictures as data URIs), every text
autoescaped. Anchors: #summary, #checks, #charts, #flagged, #report-N (one per flagged report), #needs-look,
#dismissed (flags the auditor dismissed in the review), #cross,
#failed-files, #not-read, #not-reports."""
from __future__ import annotations

import jinja2


def render(context: dict) -> str:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(TEMPLATE).render(**context)


TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>jixiao 审计报告 / audit report</title>
<style>
body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:22px} h2{font-size:18px;border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:28px}
table{border-collapse:collapse;margin:8px 0} td,th{border:1px solid #ccc;padding:4px 8px;font-size:13px;vertical-align:top}
nav.toc{background:#f7f7f7;border:1px solid #ddd;padding:8px 16px;font-size:14px} nav.toc ul{margin:4px 0;padding-left:20px}
.flagged{border:1px solid #d33;border-radius:6px;padding:8px 12px;margin:16px 0}
.needs-look{border:1px solid #c90;border-radius:6px;padding:8px 12px;margin:16px 0} .warn{color:#a60;font-weight:bold}
.check{margin:10px 0 10px 12px;padding-top:6px;border-top:1px dashed #ddd} .fail{color:#b00;font-weight:bold}
.figures td{font-size:14px} .figures .stated{background:#fff6e0} .figures .computed{background:#e8f1fb}
.cited{font-size:13px;margin:4px 0} .num{display:inline-block;min-width:1.4em;color:#d61e1e;font-weight:bold}
.crop img{border:1px solid #888;max-width:100%;margin:4px 0} .raw{background:#f6f6f6;padding:2px 6px;font-family:monospace}
.verdict{font-size:13px;margin:4px 0} .verdict.confirmed b{color:#b00} .verdict.false_alarm b{color:#2a7}
.dismissed{border:1px solid #2a7;border-radius:6px;padding:8px 12px;margin:16px 0} .correction{font-size:13px;margin-left:12px}
.summary td{font-size:15px} .top{font-size:12px;float:right} svg text{font-family:inherit}
</style></head><body>
{% macro report_block(r, box, mark) %}<div class="{{ box }}" id="{{ r.anchor }}" data-report="{{ r.id }}">
<a class="top" href="#top">↑ 目录 / contents</a>
<div><b>{{ r.title }}</b> — {{ r.project or "—" }} — {{ r.department or "—" }} — {{ r.year or "—" }} — 总分 {{ r.total_score if r.total_score is not none else "—" }}</div>
<div>文件 / {{ "file" if r.paths|length == 1 else "files" }}: {% for p in r.paths %}<span class="raw">{{ p }}</span>{% if not loop.last %} {% endif %}{% endfor %}</div>
{% if r.corrections %}<div class="corrections">审核人更正 / corrected by the auditor:
{% for x in r.corrections %}<div class="correction">{{ x.field }}: <s>{{ x.old_value }}</s> → <b>{{ x.new_value }}</b>{% if x.note %} ({{ x.note }}){% endif %}</div>{% endfor %}</div>{% endif %}
{% for c in r.checks %}<div class="check" data-check="{{ c.id }}"><span class="{{ mark }}">{{ c.id }}</span>: {{ c.message }}
{% if c.verdict %}<div class="verdict {{ c.verdict }}">审核结论 / auditor's verdict: <b>{{ "确认 / confirmed" if c.verdict == "confirmed" else "误报 / false alarm" }}</b>{% if c.verdict_note %} — {{ c.verdict_note }}{% endif %}</div>{% endif %}
<table class="figures"><tr>{% for f in c.figures %}<td class="{{ f.role }}">{{ f.label }} <b>{{ f.value }}</b></td>{% endfor %}</tr></table>
{% for v in c.cited %}<div class="cited" data-pointer="{{ v.pointer }}"><span class="num">{{ v.number }}</span>{{ v.name }}{% if v.page %} — 第{{ v.page }}页 / page {{ v.page }}{% endif %}: <span class="raw">{{ v.text if v.text is not none else "—" }}</span></div>
{% endfor %}
{% for p in c.crops %}<div class="crop">{% if p.data_uri %}<img alt="{{ c.id }} 第{{ p.page }}页 / page {{ p.page }}: {{ p.numbers|join(', ') }}" src="{{ p.data_uri }}">{% else %}<p class="undrawn">第{{ p.page }}页未绘制 / page {{ p.page }} not drawn: {{ p.note }}</p>{% endif %}</div>
{% endfor %}
</div>{% endfor %}</div>
{% endmacro %}
<h1 id="top">jixiao 审计报告 / audit report</h1>
<nav class="toc"><b>目录 / contents</b><ul>
<li><a href="#summary">概况 / summary</a></li>
{% if by_check %}<li><a href="#checks">未通过的核对 / failed checks</a></li>{% endif %}
{% if charts %}<li><a href="#charts">按年度 / by year</a></li>{% endif %}
<li><a href="#flagged">需要关注的报告 / flagged reports</a> ({{ flagged|length }})<ul>
{% for r in flagged %}<li><a href="#{{ r.anchor }}">{{ r.title }}</a> — {{ r.checks|map(attribute="id")|join(", ") }}</li>
{% endfor %}</ul></li>
<li><a href="#needs-look">需复核的报告 / reports that need a look</a> ({{ look|length }})</li>
{% if dismissed %}<li><a href="#dismissed">审核为误报 / dismissed by the auditor</a> ({{ dismissed|length }})</li>{% endif %}
{% if cross %}<li><a href="#cross">跨报告核对 / across reports</a></li>{% endif %}
{% if failed_files %}<li><a href="#failed-files">读取失败的文件 / files that failed</a></li>{% endif %}
{% if not_read %}<li><a href="#not-read">未能读取 / not read</a></li>{% endif %}
{% if not_reports %}<li><a href="#not-reports">不是报告的文件 / files that are not reports</a></li>{% endif %}
</ul></nav>
<h2 id="summary">概况 / summary</h2>
<table class="summary">
<tr><td>报告数 / reports</td><td id="n-reports">{{ n_reports }}</td></tr>
<tr><td>文件数 / files</td><td>{{ n_files }}</td></tr>
<tr><td>有未通过核对的报告 / flagged reports</td><td id="n-flagged">{{ n_flagged }}</td></tr>
<tr><td>需复核的报告（读取不确定，未计为未通过）/ reports that need a look (the reading is unsure; not counted as flagged)</td><td id="n-look">{{ n_look }}</td></tr>
<tr><td>审核为误报的报告（未计为未通过）/ reports whose flags the auditor dismissed (not counted as flagged)</td><td id="n-dismissed">{{ n_dismissed }}</td></tr>
<tr><td>有警告的报告 / reports with warnings</td><td>{{ n_warned }}</td></tr>
<tr><td>读取失败的文件 / files that failed</td><td>{{ failed_files|length }}</td></tr>
<tr><td>不是报告的文件 / files that are not reports</td><td>{{ not_reports|length }}</td></tr>
<tr><td>未能读取关键内容的报告 / reports with key parts not read</td><td>{{ not_read|length }}</td></tr>
</table>
{% if by_check %}<h2 id="checks">未通过的核对 / failed checks</h2>
<table><tr><th>核对 / check</th><th>规则 / rule</th><th>报告数 / reports</th><th>报告 / which</th></tr>
{% for c in by_check %}<tr><td>{{ c.id }}</td><td>{{ c.rule }}</td><td>{{ c.n }}</td>
<td>{% for r in c.reports %}<a class="to-report" href="#{{ r.anchor }}">{{ r.title }}</a>{% if not loop.last %}<br>{% endif %}{% endfor %}</td></tr>
{% endfor %}</table>{% endif %}
{% if charts %}<h2 id="charts">按年度 / by year</h2>{% endif %}
{% for chart in charts %}
<h3>{{ chart.label }}</h3>
<p class="cited">每年的平均值（柱）与最低、最高值（竖线），n 为报告数{% if chart.n_copies %}；同一报告的 {{ chart.n_copies }} 个副本只计一次{% endif %} /
mean (bar), lowest and highest (line), n reports per year{% if chart.n_copies %}; {{ chart.n_copies }} copies of a report already counted left out{% endif %}.</p>
<svg class="chart" width="{{ chart.width }}" height="{{ chart.plot_bottom + 44 }}" role="img" aria-label="{{ chart.label }}">
{% for t in chart.ticks %}<line x1="{{ chart.plot_left }}" y1="{{ t.y }}" x2="{{ chart.width }}" y2="{{ t.y }}" stroke="#e3e3e3"/>
<text x="{{ chart.plot_left - 6 }}" y="{{ t.y + 4 }}" font-size="11" text-anchor="end">{{ t.label }}</text>
{% endfor %}
<line class="y-axis" x1="{{ chart.plot_left }}" y1="{{ chart.plot_top }}" x2="{{ chart.plot_left }}" y2="{{ chart.plot_bottom }}" stroke="#444"/>
<line class="x-axis" x1="{{ chart.plot_left }}" y1="{{ chart.plot_bottom }}" x2="{{ chart.width }}" y2="{{ chart.plot_bottom }}" stroke="#444"/>
<text x="12" y="{{ (chart.plot_top + chart.plot_bottom) / 2 }}" font-size="11" text-anchor="middle" transform="rotate(-90 12 {{ (chart.plot_top + chart.plot_bottom) / 2 }})">{{ chart.axis_label }}</text>
{% for b in chart.bars %}<rect x="{{ b.x }}" y="{{ b.y_mean }}" width="34" height="{{ b.height }}" fill="#6a9fd4"><title>{{ b.year }}: 平均 {{ b.mean }}, {{ b.low }}–{{ b.high }} (n={{ b.n }})</title></rect>
<line x1="{{ b.x + 17 }}" y1="{{ b.y_low }}" x2="{{ b.x + 17 }}" y2="{{ b.y_high }}" stroke="#333"/>
<text x="{{ b.x + 17 }}" y="{{ b.y_mean - 4 }}" font-size="10" text-anchor="middle">{{ b.mean }}</text>
<text x="{{ b.x + 17 }}" y="{{ chart.plot_bottom + 15 }}" font-size="11" text-anchor="middle">{{ b.year }}</text>
<text x="{{ b.x + 17 }}" y="{{ chart.plot_bottom + 28 }}" font-size="10" text-anchor="middle" fill="#666">n={{ b.n }}</text>
{% endfor %}
<text x="{{ (chart.plot_left + chart.width) / 2 }}" y="{{ chart.plot_bottom + 42 }}" font-size="11" text-anchor="middle">年度 / year</text>
</svg>
{% endfor %}
<h2 id="flagged">需要关注的报告 / flagged reports</h2>
{% for r in flagged %}{{ report_block(r, "flagged", "fail") }}
{% else %}<p>没有未通过核对的报告 / no flagged report.</p>{% endfor %}
{% if more_flagged %}<p>另有 {{ more_flagged }} 份报告未列出 / {{ more_flagged }} more not shown.</p>{% endif %}
<h2 id="needs-look">需复核的报告 / reports that need a look</h2>
<p class="cited">这些核对按读出的数字不成立，但读取本身不确定（原因见每条）：请对照原文 /
these checks did not hold on the figures as read, but the reading itself is unsure (the reason is given with each): compare with the document.</p>
{% for r in look %}{{ report_block(r, "needs-look", "warn") }}
{% else %}<p>没有需复核的报告 / none.</p>{% endfor %}
{% if more_look %}<p>另有 {{ more_look }} 份报告未列出 / {{ more_look }} more not shown.</p>{% endif %}
{% if dismissed %}<h2 id="dismissed">审核为误报 / dismissed by the auditor</h2>
<p class="cited">这些核对未通过，但审核人在复核中判为误报（理由见每条）/ these checks failed, and the auditor judged them false alarms in the review (the note is given with each).</p>
{% for r in dismissed %}{{ report_block(r, "dismissed", "warn") }}{% endfor %}{% endif %}
{% if cross %}<h2 id="cross">跨报告核对 / across reports</h2><table><tr><th>check</th><th>message</th><th>报告与文件 / reports and files</th></tr>
{% for f in cross %}<tr><td>{{ f.check_id }}</td><td>{{ f.message }}</td><td>{% for r in f.reports %}<div>{% if r.anchor %}<a href="#{{ r.anchor }}">{{ r.title }}</a>{% else %}{{ r.title }}{% endif %}:
{% for p in r.files %}<span class="raw">{{ p }}</span>{% if not loop.last %} {% endif %}{% endfor %}</div>{% endfor %}</td></tr>
{% endfor %}</table>{% endif %}
{% if failed_files %}<h2 id="failed-files">读取失败的文件 / files that failed</h2><table><tr><th>file</th><th>reason</th></tr>
{% for f in failed_files %}<tr><td class="raw">{{ f.path }}</td><td>{{ f.error }}</td></tr>{% endfor %}</table>{% endif %}
{% if not_read %}<h2 id="not-read">未能读取 / not read</h2><table><tr><th>report</th><th>file</th><th>not read</th></tr>
{% for r in not_read %}<tr><td>{{ r.title }}</td><td class="raw">{{ r.path }}</td><td>{{ r.missing }}</td></tr>{% endfor %}</table>{% endif %}
{% if not_reports %}<h2 id="not-reports">不是报告的文件 / files that are not reports</h2><table><tr><th>file</th><th>class</th><th>reason</th></tr>
{% for f in not_reports %}<tr><td class="raw">{{ f.path }}</td><td>{{ f.document_class }}</td><td>{{ f.class_reason }}</td></tr>{% endfor %}</table>{% endif %}
</body></html>
"""

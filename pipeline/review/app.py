"""The review server: Flask pages over the ingest database, bound to 127.0.0.1 unless told otherwise.

Every request opens its own connection (SQLite connections stay on their thread; the server answers on
threads). Forms post back and redirect to the report, so a reload never posts twice. A form posted from
another site is refused (its Origin is not this server), so a page elsewhere cannot write verdicts.
"""
from __future__ import annotations

import hmac
import secrets
import socket
import sys
from urllib.parse import urlsplit

from flask import Flask, abort, g, redirect, render_template, request, url_for
from werkzeug.serving import make_server

from ..dataset.store import Store
from ..verify import REGISTRY, needs_look
from . import ledger, listing, pages, pointers

# 'look': a failure whose reading is unsure (verify/certainty.py), shown after the certain ones
STATUS_ORDER = {"fail": 0, "look": 1, "warn": 2, "pass": 3, "skip": 4}
STATUS_NAMES = {"fail": "未通过 / fail", "look": "需复核 / needs a look", "warn": "警告 / warn", "pass": "通过 / pass",
                "skip": "未核对 / skip"}


LOOPBACK = ("127.0.0.1", "localhost", "::1")
TOKEN_COOKIE = "jixiao_review_token"


def create_app(db: str, host: str = "127.0.0.1", token: str | None = None, names: tuple[str, ...] = ()) -> Flask:
    """The review application over database `db`, served on `host`. It answers only requests addressed to
    this machine by one of its names: the loopback names, the address it listens on and `names` (a page
    elsewhere whose name was pointed at this machine, DNS rebinding, is refused, and so is a form whose
    Origin names another site, whatever the Host header says). Off loopback a `token` is required: a
    request carries it once (?token=…) and then as a cookie."""
    if host not in LOOPBACK and not token:
        raise ledger.ReviewError(f"--host {host}: off this machine the review needs a token (--token, or the one "
                                 "`jixiao review` generates and prints)")
    app = Flask(__name__)
    app.config["JIXIAO_DB"] = str(db)
    app.config["JIXIAO_NAMES"] = frozenset((*LOOPBACK, host, *names)) - {"0.0.0.0", "::"}
    app.config["JIXIAO_TOKEN"] = token
    app.jinja_env.filters["show"] = show
    app.jinja_env.globals.update(STATUS_NAMES=STATUS_NAMES, VERDICT_NAMES=ledger.VERDICT_NAMES)

    @app.before_request
    def open_store():
        if _host_name() not in app.config["JIXIAO_NAMES"]:
            abort(403, "not addressed to this machine")
        if request.method == "POST" and not _same_origin(app.config["JIXIAO_NAMES"]):
            abort(403, "a form from another site")
        expected = app.config["JIXIAO_TOKEN"]
        given = request.args.get("token") or request.cookies.get(TOKEN_COOKIE)
        if expected and not (given and hmac.compare_digest(given, expected)):
            abort(401, "the review's token is missing or wrong")
        g.store = Store.open(app.config["JIXIAO_DB"], create=False)

    @app.after_request
    def keep_token(response):
        if app.config["JIXIAO_TOKEN"] and request.args.get("token"):
            response.set_cookie(TOKEN_COOKIE, app.config["JIXIAO_TOKEN"], httponly=True, samesite="Strict")
        return response

    @app.teardown_request
    def close_store(_exc):
        store = g.pop("store", None)
        if store is not None:
            store.close()

    @app.after_request
    def no_network(response):
        # nothing is fetched from anywhere but this server; no script runs but none is served
        response.headers["Content-Security-Policy"] = "default-src 'self'; style-src 'self' 'unsafe-inline'"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @app.errorhandler(ledger.ReviewError)
    def review_error(exc):
        return render_template("error.html", message=str(exc)), 400

    app.add_url_rule("/", "index", index)
    app.add_url_rule("/report/<report_id>", "report", report)
    app.add_url_rule("/report/<report_id>/page/<int:number>.png", "page_image", page_image)
    app.add_url_rule("/report/<report_id>/verdict", "verdict", verdict, methods=["POST"])
    app.add_url_rule("/report/<report_id>/correction", "correction", correction, methods=["POST"])
    return app


def index():
    filters = listing.Filters.from_query(request.args)
    rows = listing.reports(g.store, filters)
    return render_template("list.html", rows=rows, filters=filters, choices=listing.choices(g.store))


def report(report_id: str):
    review = ledger.reviewed(g.store, report_id)
    rec = review.extracted
    path = pages.source_path(g.store, rec["source"].get("sha256") or _sha_of(report_id))
    corrected = review.corrected()
    flagged_pointers = {e.get("pointer") for c in review.checks if c.get("status") in ("fail", "warn")
                        for e in c.get("evidence") or []}
    page_views, text, missing = [], None, path is None
    if path is not None and pages.has_pages(path):
        page_views = pages.page_views(rec, path, set(corrected), review.in_force)
    elif path is not None:
        text = pages.text_pieces(rec, pages.document_text(path), set(corrected))
    return render_template(
        "report.html", review=review, rec=rec, path=path or _stored_path(report_id), missing=missing,
        checks=_check_rows(review), page_views=page_views, text=text, values=_value_rows(review),
        flagged_pointers=flagged_pointers, indicators=_indicator_rows(review),
        readings=[("评分表 / score table", rec["scores"].get("table_report")),
                  ("资金表 / funds table", rec["budget"].get("funds_report"))],
        coverage=rec.get("coverage") or {})


def page_image(report_id: str, number: int):
    rows = g.store.query("SELECT sha256 FROM reports WHERE id = ?", (report_id,))
    path = pages.source_path(g.store, rows[0][0]) if rows else None
    if path is None or not pages.has_pages(path):
        abort(404)
    try:
        picture, content_type = pages.page_png(path, number)
    except pages.PageError:
        abort(404)
    return picture, 200, {"Content-Type": content_type, "Cache-Control": "private, max-age=300"}


def verdict(report_id: str):
    ledger.save_verdict(g.store, report_id, request.form.get("check_id", ""), request.form.get("verdict", ""),
                        request.form.get("note"))
    return redirect(url_for("report", report_id=report_id) + f"#check-{request.form.get('check_id', '')}", 303)


def correction(report_id: str):
    pointer = request.form.get("pointer", "")
    ledger.save_correction(g.store, report_id, pointer, request.form.get("value"), request.form.get("note"),
                           replaces=request.form.get("replaces"))
    return redirect(url_for("report", report_id=report_id) + "#checks", 303)


def _host_name() -> str:
    return urlsplit(f"//{request.host}").hostname or ""


def _same_origin(names: frozenset[str]) -> bool:
    """The form comes from a page of this server: its Origin, where it has one, names this server's port on
    one of the names it answers to (the Host header alone can be forged with it)."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    parts = urlsplit(origin)
    return parts.hostname in names and parts.netloc == request.host


def _sha_of(report_id: str) -> str:
    rows = g.store.query("SELECT sha256 FROM reports WHERE id = ?", (report_id,))
    return rows[0][0] if rows else ""


def _stored_path(report_id: str) -> str | None:
    rows = g.store.query("SELECT MIN(p.path) FROM paths p JOIN reports r ON r.sha256 = p.sha256 WHERE r.id = ?",
                         (report_id,))
    return rows[0][0] if rows else None


def _check_rows(review: ledger.Reviewed) -> list[dict]:
    """Every check, failed first: its verdict now and as extracted, its figures, its rule and the auditor's word."""
    extracted = {c["id"]: c for c in review.extracted.get("checks") or []}
    rows = []
    for c in review.checks:
        was = extracted.get(c["id"], {})
        rows.append({
            "id": c["id"], "status": _shown(c), "was": _shown(was) if was else None, "message": c.get("message"),
            "stated": c.get("stated"), "computed": c.get("computed"), "rule_value": c.get("rule"),
            "rule": REGISTRY[c["id"]].rule if c["id"] in REGISTRY else "",
            "evidence": [{"pointer": e.get("pointer"), "label": pointers.label(review.extracted, e.get("pointer") or ""),
                          "page": e.get("page"), "text": e.get("text")} for e in c.get("evidence") or []],
            "reviewable": c.get("status") in ("fail", "warn") or was.get("status") in ("fail", "warn"),
            "verdict": review.verdicts.get(c["id"])})
    return sorted(rows, key=lambda r: (min(STATUS_ORDER.get(r["status"], 5), STATUS_ORDER.get(r["was"], 5)), r["id"]))


def _shown(check: dict) -> str | None:
    return "look" if needs_look(check) else check.get("status")


def _value_rows(review: ledger.Reviewed) -> list[dict]:
    """The values an auditor may correct: the record's own fields, every indicator's weight and score, and
    every other single value the provenance places on a page."""
    rec, corrected = review.extracted, review.corrected()
    order = list(pointers.EDITABLE_FIELDS)
    for i, _ in enumerate(rec["scores"].get("indicators") or []):
        order += [f"/scores/indicators/{i}/weight", f"/scores/indicators/{i}/score"]
    order += [p for p in (rec.get("provenance") or {}) if p not in order]
    rows = []
    for pointer in order:
        try:
            value = pointers.get(rec, pointer)
        except pointers.PointerError:
            continue
        if isinstance(value, (dict, list)):
            continue
        entry = (rec.get("provenance") or {}).get(pointer) or {}
        c = corrected.get(pointer)
        in_force = c.new_value if c else value
        rows.append({"pointer": pointer, "label": pointers.label(rec, pointer), "value": value,
                     "in_force": in_force, "replaces": ledger.token_of(in_force), "correction": c, "page": entry.get("page"),
                     "text": entry.get("text"), "boxed": bool(entry.get("bbox"))})
    return rows


def _indicator_rows(review: ledger.Reviewed) -> list[dict]:
    out = []
    for i, ind in enumerate(review.in_force["scores"].get("indicators") or []):
        out.append({"row": i, **{k: ind.get(k) for k in ("level", "code", "name", "weight", "score", "target", "actual")},
                    "corrected": any(p.startswith(f"/scores/indicators/{i}/") for p in review.corrected())})
    return out


def show(v) -> str:
    """A figure as the report prints it: no trailing .0, a list joined, unknown as —."""
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float):
        return f"{v:.6f}".rstrip("0").rstrip(".")
    if isinstance(v, (list, tuple)):
        return " / ".join(show(x) for x in v)
    if isinstance(v, dict):
        return ", ".join(f"{k}: {show(x)}" for k, x in v.items())
    return str(v)


def server(db: str, host: str = "127.0.0.1", port: int = 8017, token: str | None = None, names: tuple[str, ...] = ()):
    """A threaded WSGI server for the review app, not yet serving (tests start it on a thread)."""
    return make_server(host, port, create_app(db, host, token, names), threaded=True)


def serve(db: str, host: str = "127.0.0.1", port: int = 8017, token: str | None = None,
          names: tuple[str, ...] = ()) -> None:
    """Serve until Ctrl-C. The database is opened once first, so a missing one is a one-line error now. Off
    loopback without a token, one is generated and printed in the address to open."""
    Store.open(db, create=False).close()
    _check_can_listen(host, port)
    if host not in LOOPBACK and not token:
        token = secrets.token_urlsafe(18)
    srv = server(db, host, port, token, names)
    shown = names[0] if names else host
    address = f"http://{shown}:{srv.server_port}/" + (f"?token={token}" if token else "")
    if host not in LOOPBACK:
        print(f"jixiao review: listening on {host}, off this machine: anyone with this address and its token "
              f"can read and correct the reports", file=sys.stderr, flush=True)
    print(f"jixiao review: {address} (Ctrl-C stops)", file=sys.stderr, flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        srv.server_close()


def _check_can_listen(host: str, port: int) -> None:
    """Bind the address once first: Werkzeug answers a port in use with lines of its own and sys.exit, and a
    one-line error naming the address is wanted."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
            probe.bind(address)
    except OSError as exc:  # the port taken, an address not of this machine, a name that does not resolve
        raise ledger.ReviewError(f"{host}:{port}: cannot listen ({exc.strerror or exc})") from None

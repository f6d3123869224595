"""What every check shares: the registry, the verdict constructors, and the helpers over a record."""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ..record import Check, Indicator, Record

EPS = 1e-9


@dataclass(frozen=True)
class CheckSpec:
    id: str
    severity: str  # the severity of a failure: error | warning
    run: Callable[[Record], Check]
    rule: str
    # what a verdict's `expected` and `actual` are: 'stated' (the report's own figure), 'computed' (what its
    # figures give) or 'rule' (the norm it is held to); Check.stated / computed / rule are filled from them
    roles: tuple[str, str] = ("stated", "computed")


REGISTRY: dict[str, CheckSpec] = {}


def check(check_id: str, severity: str = "error", roles: tuple[str, str] = ("stated", "computed")):
    """Register a check function under a stable id; its docstring is its rule and tolerance."""
    def wrap(fn: Callable[[Record], Check]):
        REGISTRY[check_id] = CheckSpec(check_id, severity, fn, (fn.__doc__ or "").strip(), roles)
        fn.check_id = check_id
        return fn
    return wrap


def _verdict(check_id: str, status: str, severity: str, message: str, expected, actual, evidence) -> Check:
    c = Check(check_id, status, severity, message, _round(expected), _round(actual), evidence or [])
    filled: dict[str, list] = {}
    for role, value in zip(_spec(check_id).roles, (c.expected, c.actual)):
        filled.setdefault(role, []).append(value)
    for role, values in filled.items():
        setattr(c, role, values[0] if len(values) == 1 else values)
    return c


def _spec(check_id: str) -> CheckSpec:
    return REGISTRY[check_id]


def passed(check_id: str, zh: str, en: str, expected=None, actual=None, evidence=None) -> Check:
    return _verdict(check_id, "pass", _spec(check_id).severity, f"{zh} / {en}", expected, actual, evidence)


def failed(check_id: str, zh: str, en: str, expected=None, actual=None, evidence=None) -> Check:
    """A failure: status 'fail' for error checks, 'warn' for warning checks."""
    spec = _spec(check_id)
    status = "fail" if spec.severity == "error" else "warn"
    return _verdict(check_id, status, spec.severity, f"{zh} / {en}", expected, actual, evidence)


def warned(check_id: str, zh: str, en: str, expected=None, actual=None, evidence=None) -> Check:
    """A softer verdict on an error check (possible misread, rounding at the edge of the tolerance)."""
    return _verdict(check_id, "warn", "warning", f"{zh} / {en}", expected, actual, evidence)


def skipped(check_id: str, zh: str, en: str) -> Check:
    return Check(check_id, "skip", _spec(check_id).severity, f"{zh} / {en}", None, None, [])


def _round(v):
    if isinstance(v, float):
        if not math.isfinite(v):
            return None
        r = round(v, 6)
        return int(r) if r == int(r) else r
    if isinstance(v, (list, tuple)):
        return [_round(x) for x in v]
    if isinstance(v, dict):
        return {k: _round(x) for k, x in v.items()}
    return v


def evidence(record: Record, *pointers: str) -> list[dict]:
    """Provenance entries of the values involved, each with its pointer."""
    out = []
    for p in pointers:
        entry = record.provenance.get(p)
        if entry is not None:
            out.append({"pointer": p, **entry})
    return out


def children_of(indicators: list[Indicator]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for i, ind in enumerate(indicators):
        if ind.parent is not None and 0 <= ind.parent < len(indicators) and ind.parent != i:
            out.setdefault(ind.parent, []).append(i)
    return out


def leaves(indicators: list[Indicator]) -> list[int]:
    parents = children_of(indicators)
    return [i for i in range(len(indicators)) if i not in parents]


def is_bonus(ind: Indicator, indicators: list[Indicator] | None = None) -> bool:
    """加分项 / 扣分项 / 否决项 rows sit outside the 100 points: the row's own words say so, or a category above it
    does ('加分项 | 创新性 | 创新做法 | 5 |', given `indicators`, the table the row is in)."""
    text = (ind.name or "") + (ind.note or "")
    seen = 0
    parent = ind.parent
    while indicators is not None and parent is not None and 0 <= parent < len(indicators) and seen < len(indicators):
        text += indicators[parent].name or ""
        parent, seen = indicators[parent].parent, seen + 1
    return any(w in text for w in ("加分项", "扣分项", "否决项", "一票否决", "加分", "扣分指标"))


def decimals(v: float | None) -> int:
    if v is None:
        return 0
    s = f"{v:.6f}".rstrip("0").rstrip(".")
    return len(s.split(".")[1]) if "." in s else 0


def half_unit_of(record: Record, pointer: str, default: float) -> float:
    entry = record.provenance.get(pointer) or {}
    h = entry.get("half_unit")
    return float(h) if isinstance(h, (int, float)) else default


def fmt(v) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.6f}".rstrip("0").rstrip(".")
    return str(v)


def money(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{fmt(v)}元"


def first_unbalanced(sums) -> tuple | None:
    """The first prose sum ('A, 其中 a, b, c') whose parts miss its total by more than the printed
    precision allows (the largest half-unit × the number of figures): (text_sum, sum of parts)."""
    for t in sums:
        s = sum(t.parts)
        if abs(s - t.total) > t.half_unit * (len(t.parts) + 1) + EPS:
            return t, s
    return None

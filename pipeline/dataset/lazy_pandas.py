"""pandas, imported when the export first uses it.

`jixiao extract` takes a helper or two from the dataset stage and must not pay for pandas (0.4 s and
95 MiB at start, in every ingest worker too), which only the export and the audit use. The modules
that use it name `pd` from here; annotations stay strings (`from __future__ import annotations`)."""
from __future__ import annotations

import importlib


class _Pandas:
    def __getattr__(self, name: str):
        module = importlib.import_module("pandas")
        return getattr(module, name)


pd = _Pandas()

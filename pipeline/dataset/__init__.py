"""Dataset stage: bulk ingest into an embedded store, and the cross-year export."""
from .export import cross_checks, export, read_tables
from .ingest import ingest
from .store import Store, StoreError

__all__ = ["Store", "StoreError", "ingest", "export", "read_tables", "cross_checks"]

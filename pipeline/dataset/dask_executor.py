"""Ingest on a dask.distributed cluster: extraction runs as tasks on the workers, the driver alone
writes the database, so every guarantee of a local ingest holds (each file once, resumable,
failures recorded).

Workers read the files from paths they share with the driver (a shared file system mounted at the
same place). A worker that dies mid-task is replaced and its task run again elsewhere by Dask; a
file that kills worker after worker is stored as failed. The per-file time limit is kept in the
worker thread that runs the file.
"""
from __future__ import annotations

from .ingest import Outcome, Task, extract_file


def run_dask(tasks: list[Task], on_done, workers: int | None = None, timeout: float | None = None,
             scheduler: str | None = None, client=None) -> None:
    from distributed import Client, LocalCluster, as_completed

    own_cluster = own_client = None
    if client is None:
        if scheduler:
            client = own_client = Client(scheduler)
        else:
            own_cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
            client = own_client = Client(own_cluster)
    try:
        by_key = {}
        futures = []
        for t in tasks:
            fut = client.submit(extract_file, t.path, t.sha256, timeout, key=f"jixiao-{t.sha256}", pure=False)
            by_key[fut.key] = t
            futures.append(fut)
        for fut in as_completed(futures):
            task = by_key[fut.key]
            try:
                outcome = fut.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker and friends: the file fails alone
                outcome = Outcome(task.sha256, "failed", [], f"the Dask task failed ({type(exc).__name__}: {exc})", 0.0)
            on_done(task, outcome)
            fut.release()
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()

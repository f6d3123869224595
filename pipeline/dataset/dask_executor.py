"""Ingest on a dask.distributed cluster: extraction runs as tasks on the workers, the driver alone
writes the database, so every guarantee of a local ingest holds (each file once, resumable,
failures recorded).

Workers read the files from paths they share with the driver (a shared file system mounted at the
same place). A worker that dies mid-task is replaced and its task run again elsewhere by Dask; a
file that kills worker after worker is stored as failed.

The limits are the local ingest's: each task runs its file in a process forked from the Dask worker and
watched by the same supervisor (supervise.py), killed past `--timeout` or over `--max-memory` whatever
code it is in, and stored as failed with the limit. (A limit kept in the Dask worker's thread did not
hold: `--timeout 20` ran 34.7 s inside one C call, and `--max-memory 1024` let a worker reach 11.5 GiB.)
"""
from __future__ import annotations

import multiprocessing

from .ingest import Outcome, Task, _work


def run_dask(tasks: list[Task], on_done, workers: int | None = None, timeout: float | None = None,
             scheduler: str | None = None, client=None, max_memory_mb: int | None = None, summary=None) -> None:
    from distributed import Client, LocalCluster, as_completed

    from ..supervise import SupervisorStats
    stats = SupervisorStats()

    own_cluster = own_client = None
    if client is None:
        if scheduler:
            client = own_client = Client(scheduler)
        else:
            import dask
            with dask.config.set({"distributed.worker.daemon": False}):  # workers fork the supervised ones
                own_cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                                           dashboard_address=None)
            client = own_client = Client(own_cluster)
    try:
        by_key = {}
        futures = []
        for t in tasks:
            fut = client.submit(supervised_extract, t.path, t.sha256, timeout, max_memory_mb, key=f"jixiao-{t.sha256}",
                                pure=False)
            by_key[fut.key] = t
            futures.append(fut)
        for fut in as_completed(futures):
            task = by_key[fut.key]
            try:
                outcome = fut.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker and friends: the file fails alone
                outcome = Outcome(task.sha256, "failed", [], f"the Dask task failed ({type(exc).__name__}: {exc})", 0.0)
            if outcome.supervision is not None:
                stats.add(outcome.supervision)
                outcome.supervision = None
            on_done(task, outcome)
            fut.release()
        if summary is not None:
            summary.supervision = stats
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()


def supervised_extract(path: str, sha256: str, timeout: float | None, max_memory_mb: int | None) -> Outcome:
    """The Dask task: one file extracted in a process forked from this Dask worker, under the supervisor's
    time and memory limits, as a local ingest's worker is."""
    from ..supervise import FileLimits, Overrun, Supervisor

    # a Dask worker runs as a daemonic process, which multiprocessing forbids children; the supervised
    # process dies with this one anyway (supervise.die_with_parent), which is what the flag is for
    me = multiprocessing.current_process()
    if me.daemon:
        me.daemon = False
    results: list = []
    supervisor = Supervisor(_work, 1, FileLimits(timeout or None, max_memory_mb or None))
    supervisor.run([(path, sha256, max_memory_mb)], lambda _job, result: results.append(result))
    result = results[0]
    if isinstance(result, Overrun):
        result = Outcome(sha256, "failed", [], result.reason, result.seconds, failure=result.failure, limit=result.limit)
    result.supervision = supervisor.stats
    return result

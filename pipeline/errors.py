"""The project's own error types: nothing else may escape the pipeline."""
from __future__ import annotations


class JixiaoError(Exception):
    """Base of every error the pipeline raises on purpose."""


class LoadError(JixiaoError):
    """A file that cannot be read as a report; the message names the file and the reason."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class RecordError(JixiaoError):
    """A record JSON that cannot be read back (for `jixiao check`)."""

"""A content-keyed result cache on disk: SQLite in WAL mode.

A key is the SHA-256 of its parts (the content checked, the options) and of
the *engine fingerprint*: the infoderive version, the versions of SymPy, NumPy
and the LaTeX parser, and a digest of the engine's source files (``symbolic/``),
so an edited engine never serves a verdict of the old one.  Values are JSON.

The database sits in the platform's user cache directory (platformdirs), or in
``$INFODERIVE_CACHE_DIR``.  Concurrent runs are safe: WAL lets readers and one
writer work at once, and a busy writer waits (``timeout``).  The cache never
breaks a run: if the database cannot be opened, read or written, it turns
itself off and every lookup misses.

>>> import tempfile, pathlib
>>> cache = ResultCache(pathlib.Path(tempfile.mkdtemp()) / FILE_NAME)
>>> cache.get(("a = b", "samples=10")) is None
True
>>> cache.put(("a = b", "samples=10"), {"verdict": "proved"})
>>> cache.get(("a = b", "samples=10"))
{'verdict': 'proved'}
>>> open_cache(enabled=False).get(("a = b", "samples=10")) is None
True
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
import time
from pathlib import Path

ENV_DIR = "INFODERIVE_CACHE_DIR"
FILE_NAME = "results.sqlite3"
_SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL, " \
          "stored REAL NOT NULL)"


def cache_dir() -> Path:
    """``$INFODERIVE_CACHE_DIR`` if set, else the user cache dir of infoderive."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    from platformdirs import user_cache_dir
    return Path(user_cache_dir("infoderive", appauthor=False))


@functools.lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """Versions of infoderive and of what decides verdicts, plus a digest of
    the engine's source, ``symbolic/`` (so an edited engine invalidates old
    entries; the catalogue's derivations are keyed on their own content)."""
    from importlib import metadata
    parts = []
    for dist in ("infoderive", "sympy", "numpy", "mpmath", "latex2sympy2_extended"):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=?")
    digest = hashlib.sha256()
    engine = Path(__file__).resolve().parent
    for path in sorted(engine.rglob("*.py")):
        digest.update(str(path.relative_to(engine)).encode())
        digest.update(path.read_bytes())
    return ";".join(parts) + ";source=" + digest.hexdigest()


def cache_key(parts: tuple) -> str:
    """SHA-256 (hex) of the parts and the engine fingerprint.

    >>> cache_key(("x",)) == cache_key(("x",)) != cache_key(("y",))
    True
    """
    digest = hashlib.sha256(engine_fingerprint().encode())
    for part in parts:
        data = str(part).encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))  # no two tuples hash alike
        digest.update(data)
    return digest.hexdigest()


class ResultCache:
    """get/put of JSON values by content key; a disabled cache always misses."""

    def __init__(self, path: Path | None):
        self.path = path
        self._db = None
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path, timeout=30, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute(_SCHEMA)
                self._db = db
            except (OSError, sqlite3.Error):
                self._db = None

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def get(self, parts: tuple) -> dict | None:
        """The value stored under ``parts``, or None."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM results WHERE key = ?",
                                   (cache_key(parts),)).fetchone()
            return None if row is None else json.loads(row[0])
        except (sqlite3.Error, ValueError):
            return None

    def put(self, parts: tuple, value: dict) -> None:
        """Store ``value`` (JSON-serialisable) under ``parts``."""
        if self._db is None:
            return
        try:
            self._db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                             (cache_key(parts), json.dumps(value), time.time()))
        except sqlite3.Error:
            self.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def open_cache(enabled: bool = True) -> ResultCache:
    """The result cache in :func:`cache_dir`, or a disabled one (``--no-cache``)."""
    return ResultCache(cache_dir() / FILE_NAME if enabled else None)

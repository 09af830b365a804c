"""A compiled cache of the loaded package data, so that a process starts fast.

Building the gazetteer index, the actor tables and the coder's patterns from their packaged
files costs a few CPU seconds; unpickling the built objects costs a tenth of that. The first
process builds each object and writes it to the cache directory; later processes read it.

A cache file is named by what it holds and a key: the SHA-256 of dragoman's version, the
Python version, the bytes of the data files and the source of the modules that build the
object. A new release, changed data or changed loader code gives a new key, so a stale file
is never read. Of each name the ``KEEP`` most recently used files stay (several checkouts or
versions may share the folder); older ones are removed when a new one is written.

Where: ``$DRAGOMAN_CACHE_DIR`` if set (``off`` turns the cache off), else
``$XDG_CACHE_HOME/dragoman``, else ``~/.cache/dragoman``. Deleting the folder is always safe.
A missing, corrupt or unreadable file is rebuilt; an unwritable folder only costs the build.
The files are pickles: the folder must be writable by its user alone, like any of their own
files (it is created with mode 0700).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TypeVar, cast

from .version import __version__

log = logging.getLogger(__name__)

T = TypeVar("T")

#: the environment variable that moves (or, set to ``off``, disables) the cache
ENV = "DRAGOMAN_CACHE_DIR"
OFF = frozenset({"off", "0", "no", "false", "none"})
SUFFIX = ".pickle"
_KEYED = re.compile(r"[0-9a-f]{32}\.pickle")
#: files kept of each name (the most recently used)
KEEP = 3


def cache_dir() -> Path | None:
    """The cache folder (not created here), or None when the cache is turned off."""
    value = os.environ.get(ENV, "").strip()
    if value.lower() in OFF:
        return None
    if value:
        return Path(value).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(xdg) if xdg else Path.home() / ".cache") / "dragoman"


def cache_key(name: str, sources: Iterable[Traversable | Path], modules: Iterable[str] = ()) -> str:
    """The hex key of an object built from these data files by code in these modules."""
    h = hashlib.sha256()
    for part in (name, __version__, sys.version, str(pickle.HIGHEST_PROTOCOL)):
        h.update(part.encode() + b"\0")
    for src in sources:
        h.update(src.read_bytes())
        h.update(b"\0")
    for mod in sorted(set(modules)):
        path = getattr(sys.modules.get(mod), "__file__", None)
        h.update(Path(path).read_bytes() if path else mod.encode())
        h.update(b"\0")
    return h.hexdigest()


def cached(
    name: str,
    build: Callable[[], T],
    sources: Iterable[Traversable | Path],
    modules: Iterable[str] = (),
) -> T:
    """``build()``, or the object it built earlier from the same data and code, from the cache.

    ``sources`` are the data files read by ``build``; ``modules`` (besides the module that
    defines ``build``) are those whose code shapes the object (its classes, its normalisers).
    """
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        key = cache_key(name, sources, [build.__module__, *modules])
    except OSError:  # a data file is missing: let build() raise its own DataError
        return build()
    path = folder / f"{name}-{key[:32]}{SUFFIX}"
    obj = _read(path)
    if obj is not None:
        return cast(T, obj)
    obj = build()
    _write(path, obj)
    return obj


def _read(path: Path) -> object | None:
    """The object pickled in ``path``, or None when it is missing or unreadable."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    enabled = gc.isenabled()
    gc.disable()  # unpickling a large graph triggers many needless collections
    try:
        obj = pickle.loads(data)
    except Exception as exc:  # any corruption: rebuild
        log.warning("cache file %s is unreadable (%s): rebuilding it", path, exc)
        return None
    finally:
        if enabled:
            gc.enable()
    try:
        os.utime(path)  # most recently used: kept when older files of its name are removed
    except OSError:
        pass
    return obj


def _write(path: Path, obj: object) -> None:
    """Pickle ``obj`` to ``path`` atomically; remove older files of the same name."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except Exception as exc:  # unwritable folder, full disk, an object that cannot be pickled
        log.info("cannot write the cache file %s (%s): building at each start", path, exc)
        return
    _prune(path.parent, path.name.rsplit("-", 1)[0])


def _prune(folder: Path, stem: str) -> None:
    """Remove the files of one name beyond the ``KEEP`` most recently used."""
    dated = []
    for f in folder.glob(f"{stem}-*{SUFFIX}"):
        if _KEYED.fullmatch(f.name[len(stem) + 1 :]):
            try:
                dated.append((f.stat().st_mtime, f))
            except OSError:  # removed meanwhile by another process
                continue
    for _, old in sorted(dated, reverse=True)[KEEP:]:
        old.unlink(missing_ok=True)


def clear() -> int:
    """Remove every cache file; returns how many were removed."""
    folder = cache_dir()
    if folder is None or not folder.is_dir():
        return 0
    n = 0
    for f in folder.glob(f"*{SUFFIX}"):
        f.unlink(missing_ok=True)
        n += 1
    return n

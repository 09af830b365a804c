"""A gzip stream reader that keeps what it could read and says when the archive was cut short.

``gzip.GzipFile`` raises ``EOFError`` on a truncated file from inside a buffered read, which
loses the complete records before the cut. ``Gunzip`` decompresses member after member (the
way WARC.gz files are written), returns every byte it can, then reports end of stream and
sets ``truncated``.
"""

from __future__ import annotations

import zlib
from typing import Protocol


class Readable(Protocol):
    """Anything with ``read(size)``: a file, a ``Gunzip``, a ``Prefixed`` stream."""

    def read(self, size: int = -1, /) -> bytes: ...


GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16
_MAX_OUT = 1 << 20


class Gunzip:
    """A readable stream of the decompressed bytes of a (multi-member) gzip stream."""

    def __init__(self, raw: Readable):
        self.raw = raw
        self.truncated = False
        self._d: zlib._Decompress | None = None
        self._buf = b""

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` decompressed bytes (all that is buffered when ``size`` < 0); b"" at the end."""
        if not self._buf:
            self._buf = self._more()
        if size is None or size < 0:
            size = len(self._buf)
        out, self._buf = self._buf[:size], self._buf[size:]
        return out

    def readline(self, size: int = -1) -> bytes:
        """One line (at most ``size`` bytes when ``size`` >= 0)."""
        parts: list[bytes] = []
        got = 0
        while size < 0 or got < size:
            if not self._buf:
                self._buf = self._more()
                if not self._buf:
                    break
            cut = self._buf.find(b"\n") + 1 or len(self._buf)
            if size >= 0:
                cut = min(cut, size - got)
            parts.append(self._buf[:cut])
            got += cut
            self._buf = self._buf[cut:]
            if parts[-1].endswith(b"\n"):
                break
        return b"".join(parts)

    def _more(self) -> bytes:
        """The next decompressed block; b"" at the end (or at a cut, setting ``truncated``)."""
        while True:
            if self._d is not None and not self._d.eof:
                data = self._d.unconsumed_tail or self.raw.read(_CHUNK)
                if not data:
                    self.truncated = True
                    return b""
            else:
                data = self._d.unused_data if self._d is not None else b""
                data = data or self.raw.read(_CHUNK)
                if not data:
                    return b""
                self._d = zlib.decompressobj(31)
            out = self._d.decompress(data, _MAX_OUT)
            if out:
                return out


class Prefixed:
    """A stream with bytes already read (to sniff its kind) put back in front."""

    def __init__(self, head: bytes, fh: Readable):
        self.head = head
        self.fh = fh

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (all when ``size`` < 0)."""
        if not self.head:
            return self.fh.read(size)
        if size is None or size < 0:
            out, self.head = self.head + self.fh.read(), b""
            return out
        out, self.head = self.head[:size], self.head[size:]
        if len(out) < size:
            out += self.fh.read(size - len(out))
        return out

    def readline(self, size: int = -1) -> bytes:
        """One line (at most ``size`` bytes when ``size`` >= 0)."""
        if not self.head:
            return self.fh.readline(size)  # type: ignore[attr-defined]
        cut = self.head.find(b"\n") + 1 or len(self.head)
        if size >= 0:
            cut = min(cut, size)
        out, self.head = self.head[:cut], self.head[cut:]
        if out.endswith(b"\n") or (size >= 0 and len(out) >= size):
            return out
        return out + self.fh.readline(size - len(out) if size >= 0 else -1)  # type: ignore[attr-defined]

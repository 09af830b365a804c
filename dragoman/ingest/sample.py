"""The bundled sample corpus: the Voice of America example plus short reports (see its README)."""

from __future__ import annotations

from pathlib import Path

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample"


def sample_sources() -> list[str]:
    """The sample corpus as sources for ``read_sources``."""
    return [str(SAMPLE_DIR / "articles")]

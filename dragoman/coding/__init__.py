"""What happened: the CAMEO codebook and the event coder."""

from __future__ import annotations

from .component import CODER_VERSION, EventCoder

__all__ = ["CODER_VERSION", "EventCoder"]

"""The spaCy side: the English model, dragoman's Doc extensions and sentence rules.

Later stages (actors, coding, quotes, geo, temporal, topics) register their own
components; ``dragoman.pipeline`` assembles them in order.
"""

from __future__ import annotations

from .extensions import register_extensions
from .model import load_model, load_package, model_name

__all__ = ["load_model", "load_package", "model_name", "register_extensions"]

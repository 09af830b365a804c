"""Settings, resolved once: package defaults < dragoman.toml < DRAGOMAN_* environment < flags.

The result is one frozen, typed ``Settings`` object that callers pass down explicitly.

Example:
    >>> from dragoman.config import load_settings
    >>> load_settings(workers=2).workers
    2
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class Settings:
    """Everything a run can be told, with its default."""

    #: database: a file path or a SQLAlchemy URL (sqlite:///..., postgresql://...)
    db: str = "dragoman.db"
    #: processes for the NLP pipeline
    workers: int = 1
    #: articles per spaCy batch (and per database write)
    batch_size: int = 16
    #: the largest article text accepted, in bytes of UTF-8
    max_text_bytes: int = 10_000_000
    #: spaCy model package to load; empty picks the best installed English model
    model: str = ""
    #: a rejected input is an error (non-zero exit) instead of a counted reject
    strict: bool = False
    #: near-duplicate threshold (Jaccard similarity of word shingles)
    near_duplicate_threshold: float = 0.8
    #: HTTP: seconds before a fetch gives up, and the User-Agent sent
    fetch_timeout: float = 10.0
    user_agent: str = "dragoman (+https://github.com/dragoman-events/dragoman)"
    #: web app
    host: str = "127.0.0.1"
    port: int = 8000
    token: str = ""
    #: Spark master URL for `dragoman spark`
    spark_master: str = "local[*]"

    def with_(self, **changes: Any) -> Settings:
        """A copy with some fields changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_FIELDS = {f.name: f for f in fields(Settings)}


def _coerce(name: str, value: Any) -> Any:
    kind = type(getattr(Settings(), name))
    try:
        if kind is bool and isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"[D203] Setting '{name}' must be {kind.__name__}, got {value!r}.") from exc


def _from_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"[D204] Cannot read {path}: {exc}. Fix or remove the file.") from exc
    table = data.get("dragoman", data)
    unknown = sorted(set(table) - set(_FIELDS))
    if unknown:
        raise ConfigError(
            f"[D205] Unknown setting(s) {', '.join(unknown)} in {path}. Known: {', '.join(sorted(_FIELDS))}."
        )
    return {k: _coerce(k, v) for k, v in table.items()}


def _from_env(environ: dict[str, str]) -> dict[str, Any]:
    out = {}
    for name in _FIELDS:
        key = f"DRAGOMAN_{name.upper()}"
        if key in environ and environ[key] != "":
            out[name] = _coerce(name, environ[key])
    return out


def load_settings(
    config_file: str | Path | None = None, environ: dict[str, str] | None = None, **flags: Any
) -> Settings:
    """Resolve the settings: defaults < dragoman.toml < DRAGOMAN_* environment < flags."""
    values: dict[str, Any] = {}
    path = Path(config_file) if config_file else Path("dragoman.toml")
    if config_file and not path.exists():
        raise ConfigError(f"[D206] Config file {path} does not exist.")
    if path.exists():
        values.update(_from_toml(path))
    values.update(_from_env(dict(os.environ) if environ is None else environ))
    for k, v in flags.items():
        if k not in _FIELDS:
            raise ConfigError(f"[D205] Unknown setting '{k}'. Known: {', '.join(sorted(_FIELDS))}.")
        if v is not None:
            values[k] = _coerce(k, v)
    settings = Settings(**values)
    if settings.workers < 1:
        raise ConfigError("[D207] --workers must be at least 1.")
    return settings

"""dragoman's exceptions, one tree, with messages that say what to do.

    DragomanError
    ├── ConfigError          bad settings or arguments (raised at once)
    │   ├── UnknownFormat    an export or output format that does not exist
    │   └── MissingExtra     an optional dependency is not installed
    ├── ModelError           the spaCy model cannot be found or loaded
    ├── DataError            a packaged dictionary or data file is missing or malformed
    │   └── DictionaryError  a source dictionary line cannot be converted (file:line)
    ├── InputError           an input cannot be read at all (a missing path)
    ├── StoreError           the database cannot be opened, migrated or written
    └── EvaluationError      a gold standard cannot be found or read

A bad *article* is not an exception the caller sees: readers turn it into a ``Reject``
with a one-line reason, and the batch goes on.
"""

from __future__ import annotations


class DragomanError(Exception):
    """Base class of every error dragoman raises on purpose."""


class ConfigError(DragomanError):
    """Bad settings or arguments."""


class UnknownFormat(ConfigError):
    """[D201] An output or export format that does not exist."""

    def __init__(self, name: str, choices: list[str] | tuple[str, ...]):
        super().__init__(f"[D201] Unknown format '{name}'. Choose one of: {', '.join(choices)}.")
        self.name = name
        self.choices = tuple(choices)


class MissingExtra(ConfigError):
    """[D202] An optional dependency is not installed."""

    def __init__(self, module: str, extra: str):
        super().__init__(
            f"[D202] This needs the Python package '{module}', which is not installed: "
            f"install it with `pip install 'dragoman[{extra}]'`."
        )
        self.module = module
        self.extra = extra


class ModelError(DragomanError):
    """[D101] The spaCy English model cannot be loaded."""


class DataError(DragomanError):
    """[D301] A packaged data file is missing or malformed."""


class DictionaryError(DataError):
    """[D302] A source dictionary line cannot be converted."""

    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"[D302] {path}:{line}: {message}")
        self.path = path
        self.line = line


class InputError(DragomanError):
    """[D401] An input path or URL cannot be read at all."""


class StoreError(DragomanError):
    """[D501] The database cannot be opened, migrated or written."""


class EvaluationError(DragomanError):
    """[D601] A gold standard cannot be found or read."""

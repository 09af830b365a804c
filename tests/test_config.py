from __future__ import annotations

import pytest

from dragoman.config import load_settings
from dragoman.errors import ConfigError


def test_layers_resolve_lowest_first(tmp_path):
    cfg = tmp_path / "dragoman.toml"
    cfg.write_text('[dragoman]\nworkers = 3\ndb = "from-file.db"\nbatch_size = 8\n')
    s = load_settings(cfg, environ={"DRAGOMAN_WORKERS": "4"}, db="flag.db")
    assert (s.workers, s.db, s.batch_size) == (4, "flag.db", 8)


def test_unknown_setting_and_bad_values_are_refused(tmp_path):
    cfg = tmp_path / "dragoman.toml"
    cfg.write_text("colour = 'blue'\n")
    with pytest.raises(ConfigError, match="colour"):
        load_settings(cfg, environ={})
    with pytest.raises(ConfigError, match="workers"):
        load_settings(None, environ={"DRAGOMAN_WORKERS": "many"})
    with pytest.raises(ConfigError, match="at least 1"):
        load_settings(None, environ={}, workers=0)

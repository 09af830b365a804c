"""The compiled data cache: hits, corrupt files, invalidation, unwritable folders."""

import pickle
import subprocess
import sys

import pytest

from dragoman import cache
from dragoman.actors import dictionary
from dragoman.coding import lexicon
from dragoman.geo import gazetteer


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


class Builder:
    """A build function that counts its calls."""

    def __init__(self, value):
        self.value = value
        self.calls = 0
        self.__module__ = __name__

    def __call__(self):
        self.calls += 1
        return self.value


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "data.tsv"
    path.write_text("a\t1\nb\t2\n", encoding="utf-8")
    return path


def test_a_second_load_comes_from_the_cache_and_is_equal(folder, source):
    build = Builder({"names": {"a": (1, 2)}, "rows": list(range(10))})
    first = cache.cached("thing", build, [source])
    second = cache.cached("thing", build, [source])
    assert build.calls == 1 and second == first and second is not first
    assert len(list(folder.glob("thing-*.pickle"))) == 1


def test_a_corrupt_file_is_rebuilt_and_rewritten(folder, source):
    build = Builder([1, 2, 3])
    cache.cached("thing", build, [source])
    (path,) = folder.glob("thing-*.pickle")
    path.write_bytes(b"\x80\x05garbage")
    assert cache.cached("thing", build, [source]) == [1, 2, 3] and build.calls == 2
    assert pickle.loads(path.read_bytes()) == [1, 2, 3]
    assert cache.cached("thing", build, [source]) == [1, 2, 3] and build.calls == 2


def test_a_new_version_or_new_data_invalidates_and_old_files_go(folder, source, monkeypatch):
    build = Builder("v1")
    cache.cached("thing", build, [source])
    monkeypatch.setattr(cache, "__version__", "999.0")
    cache.cached("thing", build, [source])
    assert build.calls == 2
    source.write_text("a\t1\nb\t3\n", encoding="utf-8")
    cache.cached("thing", build, [source])
    assert build.calls == 3
    for n in range(cache.KEEP + 1):
        monkeypatch.setattr(cache, "__version__", f"1000.{n}")
        cache.cached("thing", build, [source])
    assert build.calls == 4 + cache.KEEP
    kept = list(folder.glob("thing-*.pickle"))  # only the most recently used
    assert len(kept) == cache.KEEP and cache.cached("thing", build, [source]) == "v1"
    assert build.calls == 4 + cache.KEEP


def test_an_unwritable_folder_still_works(tmp_path, source, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.ENV, str(blocker / "cache"))
    build = Builder({"x": 1})
    assert cache.cached("thing", build, [source]) == {"x": 1}
    assert cache.cached("thing", build, [source]) == {"x": 1} and build.calls == 2


def test_off_turns_the_cache_off(tmp_path, source, monkeypatch):
    monkeypatch.setenv(cache.ENV, "off")
    monkeypatch.chdir(tmp_path)
    build = Builder(1)
    cache.cached("thing", build, [source])
    cache.cached("thing", build, [source])
    assert build.calls == 2 and cache.cache_dir() is None


def test_a_missing_data_file_lets_the_builder_raise_its_own_error(folder, tmp_path):
    def build():
        raise FileNotFoundError("the builder's own message")

    with pytest.raises(FileNotFoundError, match="own message"):
        cache.cached("thing", build, [tmp_path / "missing.tsv"])


def test_the_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv(cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "dragoman"


def test_clear_removes_the_files(folder, source):
    cache.cached("thing", Builder(1), [source])
    assert cache.clear() == 1 and not list(folder.glob("*.pickle"))


@pytest.mark.parametrize(
    ("build", "fields"),
    [
        (gazetteer._build_gazetteer, ["ids", "lats", "lons", "pops", "labels", "meta", "names", "demonyms"]),
        (dictionary._build_dictionary, ["entries", "names", "name_prefixes", "agents", "surnames", "countries"]),
        (lexicon._build_lexicon, ["version", "verbs", "nouns", "classes"]),
    ],
    ids=["gazetteer", "actors", "coding"],
)
def test_the_packaged_data_comes_back_equal_from_the_cache(folder, build, fields):
    built = cache.cached("data", build, [])
    back = cache.cached("data", build, [])  # read back from the file
    assert back is not built and len(list(folder.glob("data-*.pickle"))) == 1
    for name in fields:
        assert getattr(back, name) == getattr(built, name), name


def test_a_new_process_reads_what_an_earlier_one_wrote(folder):
    code = (
        "from dragoman.geo.gazetteer import load_gazetteer\n"
        "print(len(load_gazetteer()), load_gazetteer().lookup('Tbilisi')[0][0].country)\n"
    )
    env_run = [sys.executable, "-c", code]
    first = subprocess.run(env_run, capture_output=True, text=True, check=True)
    assert len(list(folder.glob("gazetteer-*.pickle"))) == 1
    second = subprocess.run(env_run, capture_output=True, text=True, check=True)
    assert second.stdout == first.stdout and second.stdout.split()[1] == "GEO"

from tests.store.backends import any_store, db_url, fresh_store, sample_store  # noqa: F401

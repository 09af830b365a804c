"""The coding as a Spark job over corpora too large for one machine, writing Parquet.

``dragoman spark SOURCE... --output DIR`` (``cli/spark.py``) and ``spark-submit`` (the file
``python -m dragoman.distributed --path`` prints) both run ``job.run``; ``dragoman load DIR``
stores the output with ingest's rules. PySpark is an extra: ``pip install 'dragoman[spark]'``.
"""

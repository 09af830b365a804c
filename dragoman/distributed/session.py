"""The Spark session of a dragoman job: the right Python on the executors, quiet logs."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from ..errors import MissingExtra

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

log = logging.getLogger(__name__)


def spark_session(master: str | None = None, app_name: str = "dragoman") -> SparkSession:
    """A Spark session; ``master`` None leaves it to ``spark-submit`` (or ``local[*]``).

    The executors' Python is this interpreter (``PYSPARK_PYTHON``), unless the environment
    names another (a cluster whose nodes keep dragoman elsewhere).
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise MissingExtra("pyspark", "spark") from exc
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    log.info("Spark executors use %s", os.environ["PYSPARK_PYTHON"])
    builder = SparkSession.builder.appName(app_name)
    if master:  # else spark-submit's --master, or local[*] when run from Python
        builder = builder.master(master)
    spark = (
        builder.config("spark.python.worker.reuse", "true")  # the model stays loaded across tasks
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark

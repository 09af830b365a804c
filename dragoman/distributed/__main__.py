"""``python -m dragoman.distributed SOURCE... --output DIR``, and the file to give spark-submit.

It imports absolutely, so spark-submit can run it as a plain script:
``spark-submit --master yarn "$(python -m dragoman.distributed --path)" s3a://in/ --output s3a://out/``.
"""

import sys
from pathlib import Path

from dragoman.distributed.job import main

if __name__ == "__main__":
    if sys.argv[1:] == ["--path"]:
        print(Path(__file__).resolve())
        sys.exit(0)
    sys.exit(main())

"""``python -m ganviz``: see ganviz/cli.py."""

import sys

from .cli import main

sys.exit(main())

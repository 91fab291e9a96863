"""``python -m ganviz``: see ganviz/cli/commands.py."""

import sys

from .cli.commands import main

sys.exit(main())

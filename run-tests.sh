#!/usr/bin/env bash
# Set everything up (a .venv with requirements-dev.txt) and run the whole test suite.
# Extra arguments go to pytest, e.g. ./run-tests.sh -k metrics
set -euo pipefail
cd "$(dirname "$0")"
python="$(scripts/setup-venv.sh requirements-dev.txt | tail -n 1)"
exec "$python" -m pytest "$@"

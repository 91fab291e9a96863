#!/usr/bin/env bash
# Set everything up (a .venv with requirements-dev.txt and ganviz, editable) and run the whole test suite.
# Extra arguments go to pytest, e.g. ./run-tests.sh -k metrics
# pytest lists the slowest tests (--durations in pytest.ini); the last line is the suite's wall time after set-up.
set -euo pipefail
cd "$(dirname "$0")"
python="$(scripts/setup-venv.sh requirements-dev.txt | tail -n 1)"
start=$(date +%s)
status=0
"$python" -m pytest "$@" || status=$?
echo "run-tests.sh: the test suite took $(( $(date +%s) - start )) s of wall time after set-up (exit status $status)"
exit $status

#!/usr/bin/env bash
# Create .venv (if missing) and install a requirements file into it, then ganviz itself, editable, which gives
# the `ganviz` command (.venv/bin/ganviz, the same as `python -m ganviz`); both again only when
# requirements.txt, requirements-sweep.txt (which requirements-dev.txt includes), the file given or pyproject.toml
# changed.
# Usage: scripts/setup-venv.sh requirements.txt|requirements-dev.txt
# Honours PYTHON (default python3). Prints the venv's python path on the last line.
set -euo pipefail
cd "$(dirname "$0")/.."
req="${1:-requirements.txt}"
py="${PYTHON:-python3}"
if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
  echo "ganviz needs Python 3.10 or newer; set PYTHON=/path/to/python3" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv ..." >&2
  "$py" -m venv .venv
fi
stamp=".venv/.installed-$(basename "$req")"
want="$(cat requirements.txt requirements-sweep.txt "$req" pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || [ ! -x .venv/bin/ganviz ]; then
  echo "Installing $req and ganviz (editable) into .venv ..." >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$req" >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e . >&2
  echo "$want" > "$stamp"
fi
echo .venv/bin/python

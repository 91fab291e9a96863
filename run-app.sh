#!/usr/bin/env bash
# Set everything up (a .venv with requirements.txt and ganviz, editable: .venv/bin/ganviz is the command line)
# and start the app: streamlit run app.py
# Extra arguments go to streamlit, e.g. ./run-app.sh --server.port 8502
set -euo pipefail
cd "$(dirname "$0")"
python="$(scripts/setup-venv.sh requirements.txt | tail -n 1)"
exec "$python" -m streamlit run app.py "$@"

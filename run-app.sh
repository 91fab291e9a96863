#!/usr/bin/env bash
# Set everything up (a .venv with requirements.txt and ganviz, editable: .venv/bin/ganviz is the command line)
# and start the app: streamlit run app.py
# Extra arguments go to streamlit, e.g. ./run-app.sh --server.port 8502
set -euo pipefail
cd "$(dirname "$0")"
python="$(scripts/setup-venv.sh requirements.txt | tail -n 1)"
# glibc's allocator: two arenas for all the sessions' threads instead of 8 per core, so the memory one session's
# upload freed is reused by the next instead of staying in that thread's arena (docs/serving.md, "memory").
# It must be in the environment when the process starts; a value already set wins.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec "$python" -m streamlit run app.py "$@"

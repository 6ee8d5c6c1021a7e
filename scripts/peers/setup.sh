#!/usr/bin/env bash
# Creates target/peers-venv with the Python peers pinned in requirements.txt
# (trafilatura 2.3.x, htmldate 1.11.x). Run from anywhere; idempotent.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/target/peers-venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -r "$here/requirements.txt"
"$venv/bin/python" -c 'import trafilatura, htmldate; print("trafilatura", trafilatura.__version__, "htmldate", htmldate.__version__)'

#!/usr/bin/env bash
# Builds the text-dump dev set: renders the HTML pages of the public
# extraction sets (../shared/data/extraction: trafilatura's set and the
# ScrapingHub benchmark) and the HTML pages of the hand-checked sets in
# crates/eval/unseen to plain text with the w3m text browser, the way a
# page copied out of a browser looks, for `dossier-eval dumps`.
#
# Output (never inside the repository's tracked files):
#   target/dump-devset/manifest.tsv   set, id, lang, dump path (relative), gold key
#   target/dump-devset/<set>/<n>.txt  one dump per page
# Gold labels are read by `dossier-eval dumps` from the sets themselves.
#
# Usage: scripts/make-dump-devset.sh [DATA_DIR]   (default: ../shared/data)
# Idempotent; installs w3m with apt-get when it is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
data="${1:-$root/../shared/data}"
if [ ! -d "$data/extraction" ]; then
    echo "make-dump-devset: $data/extraction is absent; nothing to do" >&2
    exit 0
fi
if ! command -v w3m >/dev/null 2>&1; then
    echo "make-dump-devset: installing w3m" >&2
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq w3m >/dev/null
    else
        sudo apt-get update -qq && sudo apt-get install -y -qq w3m >/dev/null
    fi
fi
out="$root/target/dump-devset"
mkdir -p "$out"
python3 "$here/dump_devset.py" "$data/extraction" "$out" "$root/crates/eval/unseen"

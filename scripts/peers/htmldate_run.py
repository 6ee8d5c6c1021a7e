#!/usr/bin/env python3
"""Peer runner: htmldate 1.11 on htmldate's publication-date evaluation set.

Loads every page of ../shared/data/dates/htmldate (gold.json + pages/*.html.gz)
into memory first, decoded as htmldate's own comparison does (UTF-8, else the
encoding guessed by charset_normalizer, else the raw bytes), then times only
the calls to ``find_date`` (one process, one core), in each requested mode:

* ``extensive``: find_date(html, original_date=True, extensive_search=True)
* ``fast``:      find_date(html, original_date=True, extensive_search=False)

No URL is given (as in htmldate's tests/comparison.py), unless --with-url.
Prints one JSON object on stdout:
  {"htmldate_version": "...", "modes": {"extensive": {"seconds": s, "pages": n,
   "results": {"<page key>": "YYYY-MM-DD" | null}}, ...}}
Used by `dossier-eval dates --peer`; runs in target/peers-venv.
"""

import argparse
import gzip
import json
import os
import sys
import time


def load_pages(root, limit=None):
    with open(os.path.join(root, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    pages = []
    for key in sorted(gold):
        entry = gold[key]
        path = os.path.join(root, entry["page"])
        if not os.path.exists(path):
            continue
        with gzip.open(path, "rb") as f:
            raw = f.read()
        try:
            html = raw.decode("utf-8")
        except UnicodeDecodeError:
            html = None
            try:
                from charset_normalizer import from_bytes

                best = from_bytes(raw).best()
                if best is not None:
                    html = str(best)
            except Exception:  # noqa: BLE001 - fall back to raw bytes
                html = None
            if html is None:
                html = raw
        pages.append((key, entry.get("url"), html))
        if limit and len(pages) >= limit:
            break
    return pages


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="../shared/data/dates/htmldate")
    ap.add_argument("--modes", default="extensive,fast")
    ap.add_argument("--with-url", action="store_true")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()

    import logging

    logging.disable(logging.CRITICAL)
    import htmldate
    from htmldate import find_date

    pages = load_pages(args.data, args.limit)
    out = {"htmldate_version": getattr(htmldate, "__version__", "?"), "modes": {}}
    for mode in [m for m in args.modes.split(",") if m]:
        extensive = mode == "extensive"
        results = {}
        start = time.perf_counter()
        for key, url, html in pages:
            try:
                res = find_date(
                    html,
                    url=url if args.with_url else None,
                    original_date=True,
                    extensive_search=extensive,
                )
            except Exception:  # noqa: BLE001 - a failure is a missing result
                res = None
            results[key] = res
        seconds = time.perf_counter() - start
        out["modes"][mode] = {"seconds": seconds, "pages": len(pages), "results": results}
        print(f"htmldate {mode}: {len(pages)} pages in {seconds:.2f}s", file=sys.stderr)
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

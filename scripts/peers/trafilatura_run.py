#!/usr/bin/env python3
"""Runs trafilatura on an extraction set for `dossier-eval body --peer`.

Loads every page into memory first, then times trafilatura's extraction
only (one process, one core), and writes a JSON file that the Rust side
scores with its own scorer:

    {"tool": "trafilatura 2.3.x", "seconds": <extract time>, "pages": N,
     "results": {"<id>": {"text": ..., "title": ..., "author": ..., "date": ...}}}

Sets (paths relative to --data, the folder holding extraction/):
  scrapinghub  extraction/scrapinghub: ids from ground-truth.json; the page
               (UTF-8) is passed as a string, extract(..., include_comments=False)
               as the benchmark's published run.
  trafilatura  extraction/trafilatura: ids are eval.json "page" paths; the raw
               bytes are passed, fast=False, include_comments=False,
               include_tables=True, include_formatting=False
               (the repository's "standard" row).
Both use output_format="json" with with_metadata=True so that title, author
and date come from the same call; the text is the same as the txt output.
"""

import argparse
import gzip
import json
import os
import sys
import time

import trafilatura


def load_scrapinghub(root):
    base = os.path.join(root, "extraction", "scrapinghub")
    with open(os.path.join(base, "ground-truth.json"), encoding="utf-8") as f:
        gold = json.load(f)
    pages = []
    for pid, g in sorted(gold.items()):
        with gzip.open(os.path.join(base, "html", pid + ".html.gz"), "rb") as f:
            raw = f.read()
        pages.append((pid, raw.decode("utf-8", errors="replace"), g.get("url")))
    return pages


def load_trafilatura(root):
    base = os.path.join(root, "extraction", "trafilatura")
    with open(os.path.join(base, "eval.json"), encoding="utf-8") as f:
        entries = json.load(f)
    pages = []
    for e in entries:
        path = os.path.join(base, e["page"])
        if not os.path.exists(path):
            continue
        with gzip.open(path, "rb") as f:
            pages.append((e["page"], f.read(), e.get("url")))
    return pages


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--set", choices=["scrapinghub", "trafilatura"], required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    if args.set == "scrapinghub":
        pages = load_scrapinghub(args.data)
        kwargs = dict(include_comments=False)
    else:
        pages = load_trafilatura(args.data)
        kwargs = dict(fast=False, include_comments=False, include_tables=True, include_formatting=False)

    results = {}
    total = 0.0
    for pid, html, url in pages:
        t0 = time.perf_counter()
        try:
            out = trafilatura.extract(html, url=url, output_format="json", with_metadata=True, **kwargs)
        except Exception as exc:  # a failing page scores as no output
            print(f"{pid}: {exc}", file=sys.stderr)
            out = None
        total += time.perf_counter() - t0
        if out is None:
            results[pid] = None
            continue
        d = json.loads(out)
        results[pid] = {
            "text": d.get("text"),
            "title": d.get("title"),
            "author": d.get("author"),
            "date": d.get("date"),
        }
    meta = {
        "tool": "trafilatura " + trafilatura.__version__,
        "seconds": total,
        "pages": len(pages),
        "results": results,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False)


if __name__ == "__main__":
    main()

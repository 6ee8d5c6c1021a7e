#!/usr/bin/env python3
"""Renders the HTML pages of the public extraction sets to text dumps with w3m.

Called by scripts/make-dump-devset.sh:
    dump_devset.py EXTRACTION_DIR OUT_DIR [UNSEEN_GOLD_DIR]
Writes OUT_DIR/<set>/<n>.txt and OUT_DIR/manifest.tsv with the columns
set, id, lang, path (relative to OUT_DIR), gold key (ScrapingHub id or the
trafilatura eval.json "key"). lang is "fr" for the pages listed in
trafilatura's french.txt, else the <html lang> prefix, "" when unknown.
With UNSEEN_GOLD_DIR (crates/eval/unseen), the HTML pages of its
hand-checked sets other than gold/ (whose pages are in trafilatura's set)
are rendered too, as set "unseen-<folder>", keyed by "<folder>/<file>".
Standard library only.
"""
import concurrent.futures
import gzip
import json
import os
import subprocess
import sys
import tempfile


def render(html_bytes: bytes) -> str:
    """Dumps one page the way a text browser shows it (no line wrapping)."""
    with tempfile.NamedTemporaryFile(suffix=".html") as f:
        f.write(html_bytes)
        f.flush()
        try:
            out = subprocess.run(
                ["w3m", "-dump", "-T", "text/html", "-cols", "4000", "-O", "UTF-8",
                 "-o", "display_link_number=0", f.name],
                capture_output=True, timeout=60, check=False,
            ).stdout
        except subprocess.TimeoutExpired:
            return ""
    return out.decode("utf-8", errors="replace")


def job(args):
    src, dst = args
    if os.path.exists(dst) and os.path.getsize(dst) > 0:
        return dst, True
    with gzip.open(src, "rb") as f:
        html = f.read()
    text = render(html)
    tmp = dst + ".part"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, dst)
    return dst, bool(text.strip())


def main():
    ext, out = sys.argv[1], sys.argv[2]
    rows, jobs = [], []
    traf = os.path.join(ext, "trafilatura")
    if os.path.isfile(os.path.join(traf, "eval.json")):
        french = set()
        fr_path = os.path.join(traf, "french.txt")
        if os.path.isfile(fr_path):
            for line in open(fr_path, encoding="utf-8"):
                if line.strip() and not line.startswith("#"):
                    french.add(line.split("\t")[0])
        os.makedirs(os.path.join(out, "trafilatura"), exist_ok=True)
        for n, e in enumerate(json.load(open(os.path.join(traf, "eval.json"), encoding="utf-8"))):
            lang = "fr" if e["file"] in french else (e.get("lang") or "")[:2].lower()
            rel = f"trafilatura/{n:04}.txt"
            rows.append(("trafilatura", str(n), lang, rel, e["key"]))
            jobs.append((os.path.join(traf, e["page"]), os.path.join(out, rel)))
    sh = os.path.join(ext, "scrapinghub")
    if os.path.isfile(os.path.join(sh, "ground-truth.json")):
        os.makedirs(os.path.join(out, "scrapinghub"), exist_ok=True)
        gold = json.load(open(os.path.join(sh, "ground-truth.json"), encoding="utf-8"))
        for n, key in enumerate(sorted(gold)):
            rel = f"scrapinghub/{n:04}.txt"
            rows.append(("scrapinghub", str(n), "", rel, key))
            jobs.append((os.path.join(sh, "html", key + ".html.gz"), os.path.join(out, rel)))
    unseen = sys.argv[3] if len(sys.argv) > 3 else ""
    data = os.path.dirname(os.path.abspath(ext))
    if unseen and os.path.isdir(unseen):
        for folder in sorted(os.listdir(unseen)):
            d = os.path.join(unseen, folder)
            if folder == "gold" or not os.path.isdir(d):
                continue
            for name in sorted(os.listdir(d)):
                if not name.endswith(".json"):
                    continue
                g = json.load(open(os.path.join(d, name), encoding="utf-8"))
                page = g.get("page") or ""
                if "line" in g or not page.endswith(".html.gz"):
                    continue
                src = os.path.join(data, page)
                if not os.path.isfile(src):
                    continue
                os.makedirs(os.path.join(out, "unseen", folder), exist_ok=True)
                rel = f"unseen/{folder}/{name[:-5]}.txt"
                rows.append((f"unseen-{folder}", name[:-5], g.get("lang") or "", rel, f"{folder}/{name}"))
                jobs.append((src, os.path.join(out, rel)))
    empty = 0
    workers = max(1, min(4, os.cpu_count() or 1))
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        for _dst, ok in pool.map(job, jobs):
            empty += not ok
    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("# set\tid\tlang\tpath\tkey\n")
        for r in rows:
            f.write("\t".join(x.replace("\t", " ") for x in r) + "\n")
    print(f"make-dump-devset: {len(rows)} pages rendered into {out} ({empty} empty)")


if __name__ == "__main__":
    main()

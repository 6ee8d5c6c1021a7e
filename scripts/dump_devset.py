#!/usr/bin/env python3
"""Renders the HTML pages of the public extraction sets to text dumps with w3m.

Called by scripts/make-dump-devset.sh:  dump_devset.py EXTRACTION_DIR OUT_DIR
Writes OUT_DIR/<set>/<n>.txt and OUT_DIR/manifest.tsv with the columns
set, id, lang, path (relative to OUT_DIR), gold key (ScrapingHub id or the
trafilatura eval.json "key"). lang is "fr" for the pages listed in
trafilatura's french.txt, else the <html lang> prefix, "" when unknown.
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

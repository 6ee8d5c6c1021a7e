#!/usr/bin/env python3
"""Builds data/lang/fr/common-words.txt.gz: French words written in lower case.

Source: the Dicollecte French dictionary for Hunspell (Debian package
`hunspell-fr-classical`, MPL-2.0, Copyright 2007-2018 Dicollecte
contributors). Installs the package if its files are missing (apt-get, as
root), expands every entry of `fr.dic` by the suffix rules of `fr.aff`
(two levels, as Hunspell does) and by the prefixes that are not elisions
(kilo-, méga-, ...), and keeps:

* forms of entries written in lower case in the dictionary (its proper
  nouns, first names, surnames and acronyms are capitalised there);
* made of letters, with at most inner hyphens and apostrophes;
* except forms that the dictionary also lists capitalised, as a proper noun
  or first name ("pierre" / Pierre, "rose" / Rose, "paris" / Paris,
  "tours" / Tours, "vienne" / Vienne), and words whose capitalised form is a
  first name of `data/lang/mul/first-names*.txt` or a place or organisation
  of `data/gazetteers/` (countries, regions, cities of a million, towns of
  French-speaking countries; one-word organisations): a capitalised word there is as often a name as a
  common word, so it is not asserted to be common. The NER trainer still
  learns such a word from its own texts when they write it mostly in lower
  case.

It also writes data/lang/mul/first-names-dicollecte.txt: the dictionary's
first names (entries tagged `po:prn`, French and foreign given names) that
are no other kind of proper noun there (`po:npr`: places, brands), no
name of our gazetteers and first-name lists (a place such as "Argos" or
"Florence" stays out), no word of `data/lang/fr/ner-not-names.txt`, and
written as a name (a capital, then lower case). The NER document-level
rules read them with the other first-name lists.

Usage: scripts/build-lexicon-fr.py [--out data/lang/fr/common-words.txt.gz]
           [--first-names-out data/lang/mul/first-names-dicollecte.txt]
"""
import argparse
import gzip
import os
import re
import subprocess
import sys

DIC = "/usr/share/hunspell/fr.dic"
AFF = "/usr/share/hunspell/fr.aff"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ensure_dictionary():
    if os.path.exists(DIC) and os.path.exists(AFF):
        return
    subprocess.run(["apt-get", "install", "-y", "hunspell-fr-classical"], check=True)


def parse_aff(path):
    """Affix classes: flag -> (kind, cross, [(strip, add, contflags, cond)])."""
    classes = {}
    special = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            if parts[0] in ("NEEDAFFIX", "FORBIDDENWORD", "CIRCUMFIX", "FLAG") and len(parts) > 1:
                special[parts[0]] = parts[1]
            if parts[0] not in ("PFX", "SFX") or len(parts) < 4:
                continue
            kind, flag = parts[0], parts[1]
            if flag not in classes:
                # Header: PFX flag cross count
                classes[flag] = (kind, parts[2] == "Y", [])
                continue
            strip = "" if parts[2] == "0" else parts[2]
            add, _, cont = parts[3].partition("/")
            add = "" if add == "0" else add
            cond = parts[4] if len(parts) > 4 else "."
            if cond == ".":
                rx = None
            elif kind == "SFX":
                rx = re.compile("(?:" + cond + ")$")
            else:
                rx = re.compile("^(?:" + cond + ")")
            classes[flag][2].append((strip, add, split_flags(cont), rx))
    assert special.get("FLAG") == "long", "fr.aff is expected to use two-character flags"
    return classes, special


def split_flags(s):
    return [s[i:i + 2] for i in range(0, len(s) - 1, 2)]


def apply(kind, rule, word):
    strip, add, cont, rx = rule
    if rx is not None and not rx.search(word):
        return None
    if kind == "SFX":
        if strip and not word.endswith(strip):
            return None
        return word[: len(word) - len(strip)] + add
    if strip and not word.startswith(strip):
        return None
    return add + word[len(strip):]


def expand(word, flags, classes, special):
    """Every form Hunspell accepts for an entry (prefixes with an apostrophe,
    i.e. elisions, left out: our tokeniser splits them off)."""
    need, forbid, circ = special.get("NEEDAFFIX"), special.get("FORBIDDENWORD"), special.get("CIRCUMFIX")
    if forbid in flags:
        return set()
    out = set()
    if need not in flags:
        out.add(word)
    suffixed = []  # (form, cross allowed)

    def suffixes(fl, base):
        """(form, rule, cross allowed) for each suffix rule of class `fl` that applies to `base`."""
        c = classes.get(fl)
        if not c or c[0] != "SFX":
            return []
        return [(f, rule, c[1]) for rule in c[2] if (f := apply("SFX", rule, base)) is not None]

    for fl in flags:
        for form, rule, cross in suffixes(fl, word):
            cont = rule[2]
            if need not in cont and circ not in cont:
                out.add(form)
                suffixed.append((form, cross))
            # Second level: suffixes named by the rule's continuation flags.
            for cf in cont:
                for f2, rule2, _ in suffixes(cf, form):
                    if need not in rule2[2] and circ not in rule2[2]:
                        out.add(f2)
    for fl in flags:
        c = classes.get(fl)
        if not c or c[0] != "PFX":
            continue
        for rule in c[2]:
            if "'" in rule[1]:
                continue
            bases = [(word, True)] + ([(f, x) for f, x in suffixed] if c[1] else [])
            for base, cross in bases:
                if not cross:
                    continue
                form = apply("PFX", rule, base)
                if form is not None and need not in rule[2] and circ not in rule[2]:
                    out.add(form)
    return out


WORD = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")


def read_names():
    """Capitalised names of our gazetteers and first-name lists, lower-cased."""
    names = set()
    for rel in ("data/lang/mul/first-names.txt", "data/lang/mul/first-names-extra.txt"):
        with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    names.add(line.lower())
    for rel in ("data/gazetteers/places.tsv", "data/gazetteers/organisations.tsv"):
        with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                name = cols[0].strip()
                # Only one-word names (a multi-word name does not make its words names),
                # not acronyms.
                if not name or " " in name or not name[:1].isupper() or (len(name) > 1 and name[1:] == name[1:].upper()):
                    continue
                # Places: countries, regions, cities of a million, and the towns and
                # subdivisions of French-speaking countries; a small town abroad
                # ("Sur" in Oman, "Un" in India) seldom appears in French text.
                if rel.endswith("places.tsv"):
                    tier = cols[1] if len(cols) > 1 else ""
                    code = (cols[2] if len(cols) > 2 else "")[:2]
                    if tier not in ("country", "region", "bigcity") and code not in FRANCOPHONE:
                        continue
                names.add(name.lower())
    return names


FRANCOPHONE = {"FR", "BE", "CH", "LU", "MC", "CA"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(ROOT, "data/lang/fr/common-words.txt.gz"))
    ap.add_argument("--first-names-out", default=os.path.join(ROOT, "data/lang/mul/first-names-dicollecte.txt"))
    args = ap.parse_args()
    ensure_dictionary()
    classes, special = parse_aff(AFF)
    lower, proper = set(), set()
    given, other_proper = set(), set()
    with open(DIC, encoding="utf-8") as f:
        next(f)  # entry count
        for line in f:
            field = line.split()[0] if line.split() else ""
            if not field:
                continue
            word, _, fl = field.partition("/")
            if "po:prn" in line.split():
                given.add(word)
            elif "po:npr" in line.split():
                other_proper.add(word)
            forms = expand(word, split_flags(fl), classes, special)
            first = word[:1]
            if first.isupper():
                # Names only: an acronym ("ET", "UN") does not make "et" a name.
                proper.update(w.lower() for w in forms if len(w) < 2 or w[1:] != w[1:].upper())
            elif first.isalpha():
                lower.update(w for w in forms if w == w.lower() and WORD.match(w))
    names = read_names()
    kept = sorted(w for w in lower if w not in proper and w not in names)
    print(f"lower-case forms {len(lower)}, also a proper noun of the dictionary "
          f"{len(lower & proper)}, also a name of our lists {len(lower & names)}, kept {len(kept)}",
          file=sys.stderr)
    header = (
        "# French words written in lower case, built by scripts/build-lexicon-fr.py from the\n"
        "# Dicollecte French dictionary for Hunspell (Debian hunspell-fr-classical 1:7.0),\n"
        "# MPL-2.0, Copyright 2007-2018 Dicollecte contributors (https://grammalecte.net).\n"
        "# Left out: forms the dictionary also lists capitalised (proper nouns, first names)\n"
        "# and names of data/gazetteers/ and data/lang/mul/first-names*.txt. One word a line.\n"
    )
    # No name or time in the gzip header: the same input gives the same bytes.
    with open(args.out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as g:
        g.write(header.encode("utf-8"))
        g.write(("\n".join(kept) + "\n").encode("utf-8"))
    write_first_names(args.first_names_out, given, other_proper, names)


def write_first_names(out, given, other_proper, names):
    """The dictionary's first names that are nothing else (see the module doc)."""
    with open(os.path.join(ROOT, "data/lang/fr/ner-not-names.txt"), encoding="utf-8") as f:
        not_names = {l.strip().lower() for l in f if l.strip() and not l.startswith("#")}
    kept = sorted(
        w for w in given
        if len(w) >= 3 and WORD.match(w) and w[0].isupper() and w[1:] == w[1:].lower()
        and w not in other_proper and w.lower() not in names and w.lower() not in not_names
    )
    print(f"first names of the dictionary {len(given)}, kept {len(kept)}", file=sys.stderr)
    header = (
        "# First names of the Dicollecte French dictionary for Hunspell (Debian\n"
        "# hunspell-fr-classical 1:7.0, entries tagged po:prn), MPL-2.0, Copyright 2007-2018\n"
        "# Dicollecte contributors (https://grammalecte.net); built by scripts/build-lexicon-fr.py.\n"
        "# Left out: entries that are also another proper noun there, names of data/gazetteers/\n"
        "# and data/lang/mul/first-names*.txt, words of data/lang/fr/ner-not-names.txt. One a line.\n"
    )
    with open(out, "w", encoding="utf-8") as f:
        f.write(header + "\n".join(kept) + "\n")


if __name__ == "__main__":
    main()

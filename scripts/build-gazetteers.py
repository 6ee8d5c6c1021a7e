#!/usr/bin/env python3
"""Builds the compact place gazetteer shipped in data/gazetteers/places.tsv
from ../shared/data/gazetteers (countries, regions, ISO 3166-2 subdivisions,
GeoNames cities). Run from the repository root:

    python3 scripts/build-gazetteers.py [--src ../shared/data/gazetteers]

Output: one "name<TAB>tier<TAB>code<TAB>geonameid<TAB>lat<TAB>lon" row per
name, sorted, deduplicated (the last three only for cities; for a name shared
by several cities of one tier, the most populous).
Tiers: country, region, subdivision, bigcity (population >= 1,000,000),
city (population >= 15,000). Only names in Latin script are kept.
GeoNames data is CC BY 4.0: "Contains data from GeoNames (www.geonames.org)".
"""
import argparse, csv, gzip, os, sys, unicodedata

LANGS = {"fr", "en"}
TIER_RANK = {"country": 0, "region": 1, "bigcity": 2, "subdivision": 3, "city": 4}


def latin(name):
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return any(ch.isalpha() for ch in name)


def rows(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default="../shared/data/gazetteers")
    ap.add_argument("--out", default="data/gazetteers/places.tsv")
    ap.add_argument("--city-min", type=int, default=15000)
    ap.add_argument("--alt-min", type=int, default=200000)
    a = ap.parse_args()
    if not os.path.isdir(a.src):
        sys.exit(f"gazetteer sources not found at {a.src}; nothing built")
    best = {}

    def add(name, tier, code, city=("", "", "", 0)):
        name = " ".join(name.split())
        if len(name) < 2 or not latin(name) or "\t" in name:
            return
        if not name[0].isupper() and not name[0].isdigit():
            return
        old = best.get(name)
        if old is None or TIER_RANK[tier] < TIER_RANK[old[0]] or (tier == old[0] and city[3] > old[2][3]):
            best[name] = (tier, code, city)

    for r in rows(os.path.join(a.src, "countries.tsv")):
        if r["lang"] in LANGS:
            add(r["name"], "country", r["code"])
    for r in rows(os.path.join(a.src, "continents_regions.tsv")):
        if r["lang"] in LANGS:
            add(r["name"], "region", r["id"])
    for r in rows(os.path.join(a.src, "subdivisions.tsv")):
        if r["lang"] in LANGS | {"und"}:
            add(r["name"], "subdivision", r["code"])
    for r in rows(os.path.join(a.src, "cities.tsv.gz")):
        try:
            pop = int(r["population"] or 0)
        except ValueError:
            continue
        if pop < a.city_min:
            continue
        tier = "bigcity" if pop >= 1_000_000 else "city"
        code = r["country"]
        city = (r["geonameid"], r["latitude"], r["longitude"], pop)
        add(r["name"], tier, code, city)
        add(r["asciiname"], tier, code, city)
        if pop >= a.alt_min:
            for alt in (r["alternatenames"] or "").split("|"):
                # Short or all-capital alternates ("LA", "Ko", "Ea") are
                # mostly codes and fragments that would match common words.
                if len(alt) >= 4 and not alt.isupper():
                    add(alt, tier, code, city)
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("# Places for NER features, built by scripts/build-gazetteers.py from ../shared/data/gazetteers.\n")
        f.write("# Sources: iso-codes (LGPL-2.1), Unicode CLDR 48 (Unicode-3.0), i18n-iso-countries (MIT),\n")
        f.write("# GeoNames cities (CC BY 4.0): Contains data from GeoNames (www.geonames.org).\n")
        f.write("# Columns: name, tier, code, GeoNames id, latitude, longitude (the last three for cities).\n")
        for name in sorted(best):
            tier, code, (gid, lat, lon, _) = best[name]
            f.write(f"{name}\t{tier}\t{code}\t{gid}\t{lat}\t{lon}\n")
    counts = {}
    for tier, _, _ in best.values():
        counts[tier] = counts.get(tier, 0) + 1
    print(f"wrote {a.out}: {len(best)} names {counts}")


if __name__ == "__main__":
    main()

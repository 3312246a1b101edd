#!/usr/bin/env python3
"""Writes the Flemish eerstelijnszones and their municipalities for `make demo`.

Reads the area tables of Provincies in Cijfers as published (../shared/data/published/
provincies-in-cijfers-areas: gemeente_elz.xlsx, elz.xlsx, gemeente.xlsx, kerntabel.xlsx) and
Statbel's population per statistical sector on 1 January 2025 (statbel-sectors-2025:
the municipalities' French names, inhabitants and area), and writes, beside this script:
  flanders-areas.csv  the four Flemish provinces not in data/demo/areas.csv and every Flemish
                      municipality of 2025 that is not there either, under its province (or
                      arrondissement Halle-Vilvoorde);
  flanders-zones.csv  every Flemish eerstelijnszone but Zennevallei (in data/demo/zones.csv),
                      with its municipalities.
The boundaries (flanders-boundaries.geojson) are made with zoneatlas itself, see README.md.
Usage: python3 data/geography/make_flanders.py [PUBLISHED_FOLDER (../shared/data/published)]
"""
import csv
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ElementTree
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

PROVINCES = {  # REFNIS code: names (Statbel)
    "10000": ("Provincie Antwerpen", "Province d'Anvers", "Province of Antwerp"),
    "30000": ("Provincie West-Vlaanderen", "Province de Flandre-Occidentale", "Province of West Flanders"),
    "40000": ("Provincie Oost-Vlaanderen", "Province de Flandre-Orientale", "Province of East Flanders"),
    "70000": ("Provincie Limburg", "Province de Limbourg", "Province of Limburg"),
}
# Codes of the platform that are no area: Brussels as one zone (the Brussels zorgzones are
# in data/demo/zones.csv) and the placeholders for what cannot be located.
NOT_FLEMISH_ZONES = {"elz7", "elz91", "elz92", "elz93", "elz99"}


def rows(path):
    """The first sheet's rows as lists of text, cells by column letter."""
    with zipfile.ZipFile(path) as book:
        shared = []
        if "xl/sharedStrings.xml" in book.namelist():
            for item in ElementTree.fromstring(book.read("xl/sharedStrings.xml")).iter(SHEET + "si"):
                shared.append("".join(text.text or "" for text in item.iter(SHEET + "t")))
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
        for row in sheet.iter(SHEET + "row"):
            cells = {}
            for cell in row.iter(SHEET + "c"):
                column = re.match(r"[A-Z]+", cell.get("r")).group()
                value = cell.find(SHEET + "v")
                inline = cell.find(SHEET + "is")
                text = value.text if value is not None else (
                    "".join(t.text or "" for t in inline.iter(SHEET + "t")) if inline is not None else "")
                cells[column] = shared[int(text)] if cell.get("t") == "s" else text
            width = max((ord(c[-1]) - 64 for c in cells), default=0)
            yield [cells.get(chr(65 + i), "") for i in range(width)]


def slug(name):
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "published")
    published = os.path.join(root, "provincies-in-cijfers-areas")
    # Per municipality: its French name, inhabitants and area in hm², summed over its sectors.
    statbel = {}
    sectors = rows(os.path.join(root, "statbel-sectors-2025", "OPENDATA_SECTOREN_2025_NEW.xlsx"))
    header = next(sectors)
    for row in sectors:
        record = dict(zip(header, row))
        municipality = statbel.setdefault(record["CD_REFNIS"], {"fr": record["TX_DESCR_FR"], "people": 0, "hm2": 0.0})
        municipality["people"] += int(record["TOTAL"] or 0)
        municipality["hm2"] += float(record["OPPERVLAKKTE IN HM²"] or 0)
    with open(os.path.join(ROOT, "data", "demo", "areas.csv"), newline="", encoding="utf-8") as demo:
        in_demo = {row["code"] for row in csv.DictReader(demo)}
    names = {row[1]: row[3] for row in list(rows(os.path.join(published, "gemeente.xlsx")))[1:]}
    zone_names = {row[1]: row[3] for row in list(rows(os.path.join(published, "elz.xlsx")))[1:]}
    zone_of = {row[0]: row[1] for row in list(rows(os.path.join(published, "gemeente_elz.xlsx")))[1:]}
    province_of = {}
    table = list(rows(os.path.join(published, "kerntabel.xlsx")))
    header = table[0]
    for row in table[1:]:
        record = dict(zip(header, row))
        province_of[record["gemeente"]] = record["provincie"]

    source = ("Provincies in Cijfers, gebiedsniveaus (gemeente.xlsx, kerntabel.xlsx), 2025 municipalities; "
              "Statbel, population per statistical sector on 1 January 2025 (French name, inhabitants, area)")
    with open(os.path.join(HERE, "flanders-areas.csv"), "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["code", "kind", "name_nl", "name_fr", "name_en", "parent_code", "valid_from", "valid_to",
                         "population", "population_date", "land_area_km2", "approximate", "source", "note"])
        for code, (nl, fr, en) in PROVINCES.items():
            writer.writerow([code, "province", nl, fr, en, "02000", "1995-01-01", "", "", "", "", "no",
                             "Statbel REFNIS", ""])
        for code in sorted(zone_of):
            if zone_of[code] in NOT_FLEMISH_ZONES or code in in_demo:
                continue
            name = names[code]
            figures = statbel[code]
            # Halle-Vilvoorde is the one arrondissement in data/demo/areas.csv (NIS 23xxx): its
            # municipalities go under it, so that it adds up from all of them, not Zennevallei's.
            parent = "23000" if code.startswith("23") else province_of[code]
            writer.writerow([code, "municipality", name, figures["fr"] or name, name, parent,
                             "2025-01-01", "", figures["people"], "2025-01-01", round(figures["hm2"] / 100, 2), "no",
                             source, ""])

    source = "Provincies in Cijfers, gebiedsniveaus (gemeente_elz.xlsx, elz.xlsx): municipality to eerstelijnszone"
    with open(os.path.join(HERE, "flanders-zones.csv"), "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["zone_id", "kind", "name_nl", "name_fr", "name_en", "region_code", "website", "source",
                         "valid_from", "valid_to", "member_code", "approximate", "note"])
        for code in sorted(zone_of, key=lambda c: (zone_names[zone_of[c]].lower(), c)):
            zone = zone_of[code]
            if zone in NOT_FLEMISH_ZONES or zone == "elz53":  # Zennevallei is in data/demo/zones.csv.
                continue
            name = zone_names[zone]
            writer.writerow(["elz-" + slug(name), "eerstelijnszone", "Eerstelijnszone " + name,
                             "Zone de première ligne " + name, name + " primary care zone", "02000", "", source,
                             "2025-01-01", "", code, "no", ""])


if __name__ == "__main__":
    main()

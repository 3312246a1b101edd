#!/usr/bin/env python3
"""Writes what the parts of Brussels-City in data/demo/areas.csv are made of, for `make demo`.

Statbel numbers Brussels-City's statistical sectors by section: A is the Pentagon inside the
small ring, B the Leopold and European quarters, C Avenue Louise and the Bois de la Cambre,
D the North Quarter, E Laeken, F Neder-Over-Heembeek and G Haren. The zorgzones split
Brussels-City along such lines, so each demo part (21004-VH, -LE, -LZ, -NW, -LNH) is made
of the 2025 sectors of its sections. The sector "not to be located" (21004ZZZZ) belongs to
no part. Until the zorgzones publish their street lists the parts stay approximate.

Reads Statbel's population per statistical sector on 1 January 2025 as published
(OPENDATA_SECTOREN_2025_NEW.xlsx, in data/geography) and writes brussels-city-parts.csv.
Usage: python3 data/geography/make_brussels_city_parts.py
"""
import csv
import os
import xml.etree.ElementTree as ElementTree
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
PARTS = {"A": "21004-VH", "B": "21004-LE", "C": "21004-LZ", "D": "21004-NW", "E": "21004-LNH", "F": "21004-LNH",
         "G": "21004-LNH"}
SOURCE = ("Statbel statistical sectors 2025 (OPENDATA_SECTOREN_2025_NEW.xlsx) by section of Brussels-City; "
          "zoneatlas's approximation of the zorgzones' split")


def sector_codes(path):
    """The CD_SECTOR column of the first sheet (shared strings resolved)."""
    with zipfile.ZipFile(path) as book:
        strings = [''.join(t.text or '' for t in item.iter(SHEET + "t"))
                   for item in ElementTree.fromstring(book.read("xl/sharedStrings.xml")).iter(SHEET + "si")]
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
        for row in sheet.iter(SHEET + "row"):
            for cell in row.iter(SHEET + "c"):
                if not cell.get("r", "").startswith("B"):
                    continue
                value = cell.find(SHEET + "v")
                if value is None:
                    continue
                yield strings[int(value.text)] if cell.get("t") == "s" else value.text


def main():
    codes = sorted(code for code in sector_codes(os.path.join(HERE, "OPENDATA_SECTOREN_2025_NEW.xlsx"))
                   if code.startswith("21004") and code[5] in PARTS)
    with open(os.path.join(HERE, "brussels-city-parts.csv"), "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["area_code", "part_code", "approximate", "source"])
        for code in sorted(codes, key=lambda c: (PARTS[c[5]], c)):
            writer.writerow([PARTS[code[5]], code, "yes", SOURCE])


if __name__ == "__main__":
    main()

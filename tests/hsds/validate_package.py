#!/usr/bin/env python3
"""Validates zoneatlas's HSDS 3.0 CSV tabular package against the official compiled schema.

Usage: validate_package.py SCHEMA_DIR FOLDER
Every CSV of FOLDER that the schema names (SCHEMA_DIR/compiled/tabular.json: a table per
"path", e.g. services.csv) is read as rows; cells are given the type the schema declares
for their column (number, integer, boolean), empty cells are left out, and the "zoneatlas"
column (our extensions, unknown to HSDS) is set aside. The whole package must then validate
(draft 2020-12), and every table the schema requires must be there. Each error is printed
with the file, row and column. Exit status 1 on any error.
"""
import csv
import json
import os
import sys

from jsonschema import Draft202012Validator

EXTENSION = "zoneatlas"


def typed(value, kind):
    if kind == "number":
        return float(value)
    if kind == "integer":
        return int(value)
    if kind == "boolean":
        return value.lower() == "true"
    return value


def main():
    schema_dir, folder = sys.argv[1], sys.argv[2]
    with open(f"{schema_dir}/compiled/tabular.json", encoding="utf-8") as f:
        schema = json.load(f)
    tables = {}  # file name -> (schema key, column types)
    for key, table in schema["properties"].items():
        items = table.get("items", {})
        columns = {name: column.get("type", "string") for name, column in items.get("properties", {}).items()}
        tables[items.get("path", key + ".csv")] = (key, columns)
    package, rows_read, errors = {}, 0, 0
    for file_name in sorted(os.listdir(folder)):
        if file_name not in tables:
            continue
        key, columns = tables[file_name]
        with open(os.path.join(folder, file_name), encoding="utf-8", newline="") as f:
            rows = []
            for row in csv.DictReader(f):
                rows_read += 1
                record = {}
                for name, value in row.items():
                    if name == EXTENSION or value in ("", None):
                        continue
                    try:
                        record[name] = typed(value, columns.get(name, "string"))
                    except ValueError:
                        errors += 1
                        print(f"{file_name}:{len(rows) + 2}: {name}: '{value}' is not a {columns[name]}",
                              file=sys.stderr)
                rows.append(record)
        package[key] = rows
    for error in Draft202012Validator(schema).iter_errors(package):
        errors += 1
        path = list(error.absolute_path)
        if len(path) >= 2:
            key, row = path[0], path[1]
            file_name = next((name for name, (k, _) in tables.items() if k == key), key)
            rest = "/".join(str(p) for p in path[2:])
            print(f"{file_name}:{row + 2}: {rest}: {error.message}", file=sys.stderr)
        else:
            print(f"{folder}: {error.message}", file=sys.stderr)
    print(f"{folder}: {len(package)} table(s), {rows_read} row(s) checked against HSDS 3.0 tabular, {errors} error(s)")
    return 1 if errors or not package else 0


sys.exit(main())

#!/usr/bin/env python3
"""Validates zoneatlas's HSDS 3.0 output against the official compiled JSON schemas.

Usage: validate_export.py SCHEMA_DIR FILE.json [KIND]
  FILE.json holds a list of services (zoneatlas export hsds), an HSDS page
  ({"contents": [...]}) or one object; KIND is service (default) or organization.
Every item must validate against SCHEMA_DIR/compiled/KIND.json (draft 2020-12); each error
is printed with the item's id and the path inside it. Exit status 1 on any error.
"""
import json
import sys

from jsonschema import Draft202012Validator


def main():
    schema_dir, path = sys.argv[1], sys.argv[2]
    kind = sys.argv[3] if len(sys.argv) > 3 else "service"
    with open(f"{schema_dir}/compiled/{kind}.json", encoding="utf-8") as f:
        validator = Draft202012Validator(json.load(f))
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    items = document.get("contents", [document]) if isinstance(document, dict) else document
    if not items:
        print(f"{path}: nothing to validate", file=sys.stderr)
        return 1
    errors = 0
    for item in items:
        for error in validator.iter_errors(item):
            errors += 1
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: {kind} {item.get('id', '?')}: {where}: {error.message}", file=sys.stderr)
    print(f"{path}: {len(items)} {kind}(s) checked against HSDS 3.0, {errors} error(s)")
    return 1 if errors else 0


sys.exit(main())

#!/usr/bin/env python3
"""Validates YAML files against a JSON Schema with the `jsonschema` package (a real draft 2020-12 validator).

    python3 validate.py SCHEMA.json FILE.yaml...

Prints `ok FILE` or `invalid FILE: message` for each file. YAML is read as a YAML 1.2 language server reads it:
dates stay strings and yes/no stay strings (PyYAML's YAML 1.1 defaults would turn them into dates and booleans);
only true and false are booleans.
"""
import re
import json
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    pass


# Drop the YAML 1.1 implicit resolvers for timestamps and booleans; keep ints, floats and null.
Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# YAML 1.2's core schema: true and false (in any of three cases) are the only booleans.
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

schema = json.load(open(sys.argv[1], encoding="utf-8"))
validator = jsonschema.Draft202012Validator(schema)
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        data = yaml.load(f, Loader=Loader)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path)
        print(f"invalid {path}: {where}: {first.message}")
    else:
        print(f"ok {path}")

#!/usr/bin/env python3
"""The benchmark's peer: a plain script that computes what `lexgap score --format json` computes, by docs/method.md,
with PyYAML's C loader on two processes. It is what a researcher would write instead of using lexgap, so lexgap
should be well ahead of it.

    python3 Benchmarks/peer.py CHECKLIST FOLDER AS_OF > scores.json
"""
import datetime
import glob
import json
import multiprocessing
import os
import sys

import yaml

VALUES = {"met": 1.0, "partial": 0.5, "absent": 0.0, "unclear": 0.0}


def text(value):
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def load(path):
    with open(path, "rb") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader)


def state(assessment, as_of):
    """The state in force on the date: the latest whose `since` is on or before it."""
    chosen = None
    for entry in (assessment.get("history") or []) + [assessment]:
        since = entry.get("since")
        if since is None or text(since) <= as_of:
            chosen = entry
    return chosen


def overall(values, criteria, categories):
    scores = {}
    for category in categories:
        earned = possible = 0.0
        for criterion in criteria:
            value = values.get(criterion["id"])
            if criterion["category"] != category["id"] or value is None:
                continue
            earned += criterion["weight"] * value
            possible += criterion["weight"]
        if possible > 0:
            scores[category["id"]] = 100 * earned / possible
    earned = sum(c["weight"] * scores[c["id"]] for c in categories if c["id"] in scores)
    possible = sum(c["weight"] for c in categories if c["id"] in scores)
    return (earned / possible if possible else None), scores


def score(job):
    path, checklist, as_of = job
    data = load(path)
    criteria, categories = checklist["criteria"], checklist["categories"]
    recorded_from = data.get("recorded_from")
    if recorded_from is not None and as_of < text(recorded_from):
        return {"code": data.get("code"), "score": None}
    values = {}
    for criterion in criteria:
        current = state((data.get("assessments") or {}).get(criterion["id"], {}), as_of)
        status = current.get("status", "unclear") if current else "unclear"
        values[criterion["id"]] = VALUES.get(status)
    total, scores = overall(values, criteria, categories)
    gains = {}
    for criterion in criteria:
        if values[criterion["id"]] is None:
            continue
        better = dict(values)
        better[criterion["id"]] = 1.0
        gains[criterion["id"]] = round((overall(better, criteria, categories)[0] or 0) - (total or 0), 1)
    return {
        "code": data.get("code"), "name": data.get("name"), "score": None if total is None else round(total, 1),
        "categories": {key: round(value, 1) for key, value in scores.items()}, "gains": gains,
    }


def main():
    checklist_path, folder, as_of = sys.argv[1:4]
    checklist = load(checklist_path)
    jobs = [(path, checklist, as_of) for path in sorted(glob.glob(os.path.join(folder, "*.yaml")))]
    with multiprocessing.Pool(2) as pool:
        results = pool.map(score, jobs, chunksize=max(1, len(jobs) // 16))
    json.dump({"as_of": as_of, "jurisdictions": results}, sys.stdout, indent=2, sort_keys=True)
    print()


if __name__ == "__main__":
    main()

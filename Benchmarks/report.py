#!/usr/bin/env python3
"""Formats the benchmark's measurements as Benchmarks/RESULTS.md (called by run.sh)."""
import json
import os
import platform
import subprocess
import sys
import datetime

work, sizes = sys.argv[1], [int(n) for n in sys.argv[2:]]


def medians(path):
    data = json.load(open(path))
    return {r["command"]: r["median"] for r in data["results"]}


def cpu():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


print("# Benchmark results\n")
print(f"Run on {datetime.date.today()} on {cpu()}, {os.cpu_count()} cores, "
      f"{platform.system()} {platform.release()}; {subprocess.run(['swift', '--version'], capture_output=True, text=True).stdout.splitlines()[0]}.")
print("Command: `bash Benchmarks/run.sh`. Times are hyperfine medians; ratios are to the libyaml floor measured in the "
      "same run; memory is peak resident set size (`/usr/bin/time`).\n")
print("| N | corpus | command | median | × floor | peak memory |")
print("|---:|---:|---|---:|---:|---:|")
summary = {}
for n in sizes:
    t = medians(os.path.join(work, f"time-{n}.json"))
    memory = dict(line.split() for line in open(os.path.join(work, f"memory-{n}.txt")))
    size_kb = int(open(os.path.join(work, f"size-{n}.txt")).read())
    summary[n] = (t, memory, size_kb)
    for command in ["floor", "validate", "score-json", "compare-csv", "site"]:
        print(f"| {n} | {size_kb / 1024:.1f} MB | {command} | {t[command] * 1000:.0f} ms | "
              f"{t[command] / t['floor']:.2f} | {int(memory[command]) / 1024:.0f} MB |")

s = medians(os.path.join(work, "startup.json"))
print("\n## Targets\n")
if 2000 in summary:
    t, memory, size_kb = summary[2000]
    ratio = t["score-json"] / t["floor"]
    print(f"- `score --format json` over 2,000 jurisdictions: {ratio:.2f}× the floor (target ≤ 3×, stretch 1.5×): "
          f"{'met' if ratio <= 3 else 'missed'}.")
    limit = 5 * size_kb / 1024 + 30
    peak = int(memory["score-json"]) / 1024
    print(f"- Peak memory at 2,000: {peak:.0f} MB against a limit of 5 × {size_kb / 1024:.1f} MB + 30 MB = {limit:.0f} MB: "
          f"{'met' if peak <= limit else 'missed'}.")
if 2000 in summary and 10000 in summary:
    growth = summary[10000][0]["score-json"] / summary[2000][0]["score-json"]
    print(f"- Growth from 2,000 to 10,000 jurisdictions: {growth:.2f}× (target ≤ 5.5×): {'met' if growth <= 5.5 else 'missed'}.")
print(f"- `lexgap --version`: {s['version'] * 1000:.1f} ms; `lexgap validate` on the shipped data: "
      f"{s['validate-shipped'] * 1000:.1f} ms (target < 50 ms each): "
      f"{'met' if max(s.values()) < 0.05 else 'missed'}.")

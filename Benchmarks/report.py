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
    for command in ["floor", "validate", "score-json", "compare-csv", "site", "python-peer"]:
        print(f"| {n} | {size_kb / 1024:.1f} MB | {command} | {t[command] * 1000:.0f} ms | "
              f"{t[command] / t['floor']:.2f} | {int(memory[command]) / 1024:.0f} MB |")

s = medians(os.path.join(work, "startup.json"))
print("\n## Targets (issue 18)\n")


def verdict(ok):
    return "met" if ok else "missed"


if 2000 in summary:
    t, memory, size_kb = summary[2000]
    score, validate = t["score-json"] / t["floor"], t["validate"] / t["floor"]
    print(f"- `score --format json` over 2,000 jurisdictions: {score:.2f}× the floor (target ≤ 2×, goal 1.5×): "
          f"{verdict(score <= 2)}; `validate`: {validate:.2f}× (target ≤ 1.5×): {verdict(validate <= 1.5)}.")
    peer = t["python-peer"] / t["score-json"]
    print(f"- Against the Python peer (PyYAML's C loader, two processes) at 2,000: lexgap is {peer:.1f}× faster "
          f"(target ≥ 5×): {verdict(peer >= 5)}.")
    peak = int(memory["score-json"]) / 1024
    print(f"- Peak memory of `score` at 2,000: {peak:.0f} MB (target < 100 MB): {verdict(peak < 100)}.")
    site_time, site_memory = t["site"], int(memory["site"]) / 1024
    print(f"- `site` at 2,000: {site_time:.1f} s and {site_memory:.0f} MB (target < 10 s and 400 MB): "
          f"{verdict(site_time < 10 and site_memory < 400)}.")
if 2000 in summary and 10000 in summary:
    growth = summary[10000][0]["site"] / summary[2000][0]["site"]
    memory = int(summary[10000][1]["site"]) / 1024
    print(f"- `site` from 2,000 to 10,000: {growth:.2f}× the time for 5× the data (linear), {memory:.0f} MB "
          f"(target < 1.5 GB): {verdict(growth <= 5.5 and memory < 1536)}.")
print(f"- `lexgap validate` on the shipped data: {s['validate-shipped'] * 1000:.1f} ms (target < 30 ms): "
      f"{verdict(s['validate-shipped'] < 0.03)}; `lexgap --version`: {s['version'] * 1000:.1f} ms.")

#!/usr/bin/env python3
"""Makes a synthetic corpus of N valid jurisdiction files from the shipped ones, deterministically from a seed.

Each file is a shipped file with a new code (the shipped code plus a subdivision, e.g. PH-A7), a new name, and its
statuses and provisions varied: some `met` become `partial` and back, some become `unclear`, and sections get a
suffix. Only the standard library is used, and the files are edited as text so that they keep the shipped layout.

    python3 Benchmarks/generate.py N OUT_DIR [--seed S]
"""
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def subdivision(n):
    """1 to 3 base-36 characters: enough for 46,656 files per shipped code."""
    digits = ""
    while True:
        digits = ALPHABET[n % 36] + digits
        n //= 36
        if n == 0:
            return digits


def vary(text, code, rng):
    text = re.sub(r"^code: .*$", f"code: {code}", text, count=1, flags=re.M)
    # The name gains the code, inside the quotes when it is quoted.
    text = re.sub(
        r"^name: (.*)$",
        lambda m: f'name: "{m.group(1).strip().strip(chr(34))} {code}"' if m.group(1).strip().startswith('"')
        else f"name: {m.group(1).strip()} {code}", text, count=1, flags=re.M)

    # Statuses of assessments only (treaty entries use `status: party` and are left alone). A state that has
    # provisions may be met, partial or unclear; one without stays as it is.
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = re.match(r"^(\s+)status: (met|partial)$", line)
        if m:
            roll = rng.random()
            new = "partial" if m.group(2) == "met" and roll < 0.3 else "met" if roll < 0.5 else m.group(2)
            if roll > 0.95:
                new = "unclear"
            lines[i] = f"{m.group(1)}status: {new}"
        s = re.match(r"^(\s+(?:- )?section: )(.*)$", line)
        if s and rng.random() < 0.5:
            value = s.group(2).strip()
            if value.startswith(("'", '"', ">", "|")):
                continue
            lines[i] = f"{s.group(1)}{value} (variant {rng.randint(1, 9)})"
    return "\n".join(lines)


def main():
    args = sys.argv[1:]
    seed = 2026
    if "--seed" in args:
        k = args.index("--seed")
        seed = int(args[k + 1])
        del args[k : k + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    count, out = int(args[0]), args[1]
    folder = os.path.join(ROOT, "jurisdictions")
    shipped = sorted(f for f in os.listdir(folder) if f.endswith(".yaml"))
    texts = {f[:-5]: open(os.path.join(folder, f), encoding="utf-8").read() for f in shipped}
    # Drafts are work in progress; only published files are copied.
    texts = {code: text for code, text in texts.items() if not re.search(r"^draft: true", text, flags=re.M)}
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed)
    bases = sorted(texts)
    for n in range(count):
        base = bases[n % len(bases)]
        code = f"{base}-{subdivision(n // len(bases))}"
        with open(os.path.join(out, f"{code}.yaml"), "w", encoding="utf-8") as f:
            f.write(vary(texts[base], code, rng))


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# The benchmark: for each corpus size N, the libyaml floor and lexgap's commands, timed by hyperfine in one run,
# with peak memory from /usr/bin/time. Writes Benchmarks/RESULTS.md. See Benchmarks/README.md.
#
#   bash Benchmarks/run.sh            # N = 15 200 2000 10000
#   bash Benchmarks/run.sh 15 200     # a quicker run
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(15 200 2000 10000)

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -e /usr/include/yaml.h ] || missing+=(libyaml-dev)
[ -x /usr/bin/time ] || missing+=(time)
python3 -c 'import yaml; assert yaml.__with_libyaml__' 2>/dev/null || missing+=(python3-yaml)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "${missing[@]}"; else echo "install: ${missing[*]}" >&2; exit 2; fi
fi

work=.build-bench
mkdir -p "$work"
swift build -c release >/dev/null
cc -O2 -o "$work/floor" Benchmarks/floor.c -lyaml
lexgap=.build/release/lexgap
date=2026-11-22   # --as-of is pinned so that runs compare

for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  [ -d "$corpus" ] || python3 Benchmarks/generate.py "$n" "$corpus"
  runs=10; warmup=1; [ "$n" -ge 2000 ] && runs=5; [ "$n" -ge 10000 ] && { runs=3; warmup=0; }
  hyperfine --style basic --warmup "$warmup" --runs "$runs" --export-json "$work/time-$n.json" \
    -n floor "$work/floor $corpus" \
    -n validate "$lexgap validate --data $corpus" \
    -n score-json "$lexgap score --format json --as-of $date --data $corpus" \
    -n compare-csv "$lexgap compare --all --format csv --as-of $date --data $corpus" \
    -n site "$lexgap site --force -o $work/site-$n --as-of $date --data $corpus" \
    -n python-peer "python3 Benchmarks/peer.py checklists/cybersex-trafficking.yaml $corpus $date" >/dev/null
  : > "$work/memory-$n.txt"
  for name in floor validate score-json compare-csv site python-peer; do
    case $name in
      floor) cmd=("$work/floor" "$corpus") ;;
      validate) cmd=("$lexgap" validate --data "$corpus") ;;
      score-json) cmd=("$lexgap" score --format json --as-of $date --data "$corpus") ;;
      compare-csv) cmd=("$lexgap" compare --all --format csv --as-of $date --data "$corpus") ;;
      site) cmd=("$lexgap" site --force -o "$work/site-$n" --as-of $date --data "$corpus") ;;
      python-peer) cmd=(python3 Benchmarks/peer.py checklists/cybersex-trafficking.yaml "$corpus" $date) ;;
    esac
    /usr/bin/time -f '%M' -o "$work/peak.txt" "${cmd[@]}" >/dev/null 2>&1
    echo "$name $(tail -1 "$work/peak.txt")" >> "$work/memory-$n.txt"
  done
  du -sk "$corpus" | cut -f1 > "$work/size-$n.txt"
  echo "N=$n done" >&2
done

# Start-up: the commands an editor runs on every save.
hyperfine --style basic --warmup 3 --runs 30 --export-json "$work/startup.json" \
  -n version "$lexgap --version" -n validate-shipped "$lexgap validate" >/dev/null

python3 Benchmarks/report.py "$work" "${sizes[@]}" > Benchmarks/RESULTS.md
cat Benchmarks/RESULTS.md

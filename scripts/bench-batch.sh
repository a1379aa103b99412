#!/usr/bin/env bash
# Batch throughput against the number of threads: `gloss annotate --jsonl` over the CoNLL-2003
# dev texts repeated 20 times (about 1 million words), for 1, 2, … up to the cores here.
# Usage: scripts/bench-batch.sh [path/to/gloss]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
gloss=${1:-$here/target/release/gloss}
eval_dir=${EVAL_DIR:-$here/../shared/eval}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$eval_dir/conll2003-dev.jsonl" "$tmp/in.jsonl" <<'PY'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
with open(sys.argv[2], 'w') as f:
    for k in range(20):
        for d in docs:
            f.write(json.dumps({'id': f'{k}-{d["id"]}', 'text': d['text']}) + '\n')
PY
words=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].split()) for l in open(sys.argv[1])))" "$tmp/in.jsonl")
cores=$(nproc)
echo "batch: $words words in $(wc -l < "$tmp/in.jsonl") documents, $cores cores (best of 3 runs each)"
t=1
while [ "$t" -le "$cores" ]; do
  best=""
  for r in 1 2 3; do
    s=$(date +%s.%N); "$gloss" annotate --jsonl --threads "$t" "$tmp/in.jsonl" > "$tmp/out.jsonl"; e=$(date +%s.%N)
    secs=$(python3 -c "print($e - $s)")
    best=$(python3 -c "print(min(float('$secs'), float('${best:-1e9}')))")
  done
  python3 -c "print(f'  {$t} thread(s): {$best:.2f} s, {int($words / $best):,} words/s')"
  t=$((t * 2))
  if [ "$t" -gt "$cores" ] && [ "$((t / 2))" -lt "$cores" ]; then t=$cores; fi
done

#!/usr/bin/env bash
# Runs `gloss annotate --jsonl` over every development set in ../shared/eval and prints the
# scorer's figures, per set and per label: entities, dates, casualties (and their scope and the
# article summaries where the gold has them), places. Usage: scripts/eval.sh [path/to/gloss]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
gloss=${1:-$here/target/release/gloss}
eval_dir=${EVAL_DIR:-$here/../shared/eval}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
score() { python3 "$eval_dir/score.py" "$eval_dir/$1.jsonl" "$out/$1.jsonl" "${@:2}"; }
for f in conll2003-dev news-dev news-world-dev tempeval3-train meantime-dates muc4-dev wikigold geovirus; do
  "$gloss" annotate --jsonl < "$eval_dir/$f.jsonl" > "$out/$f.jsonl" 2> "$out/$f.err" || { cat "$out/$f.err" >&2; exit 1; }
done
echo "== conll2003-dev (PERSON, ORG, PLACE)"; score conll2003-dev --task entities --labels PERSON,ORG,PLACE
echo "== wikigold (PERSON, ORG, PLACE)"; score wikigold --task entities --labels PERSON,ORG,PLACE
echo "== news-dev entities (PERSON, ORG, PLACE, GROUP)"; score news-dev --task entities --labels PERSON,ORG,PLACE,GROUP
echo "== news-world-dev entities (PERSON, ORG, PLACE, GROUP)"; score news-world-dev --task entities --labels PERSON,ORG,PLACE,GROUP
echo "== geovirus places (PLACE)"; score geovirus --task entities --labels PLACE
echo "== tempeval3-train dates"; score tempeval3-train --task dates
echo "== meantime-dates"; score meantime-dates --task dates
echo "== meantime-dates, first six lines only (where all of its gold lies)"
python3 "$here/scripts/first-lines.py" 6 "$eval_dir/meantime-dates.jsonl" "$out/mt-gold.jsonl"
python3 "$here/scripts/first-lines.py" 6 "$out/meantime-dates.jsonl" "$out/mt-pred.jsonl"
python3 "$eval_dir/score.py" "$out/mt-gold.jsonl" "$out/mt-pred.jsonl" --task dates
echo "== news-dev dates"; score news-dev --task dates
echo "== news-world-dev dates"; score news-world-dev --task dates
echo "== news-dev casualties"; score news-dev --task casualties
echo "== news-world-dev casualties"; score news-world-dev --task casualties
echo "== news-dev casualty scope"; score news-dev --task scope
echo "== news-world-dev casualty scope"; score news-world-dev --task scope
echo "== news-dev article summaries"; score news-dev --task summary
echo "== news-world-dev article summaries"; score news-world-dev --task summary
echo "== muc4-dev document casualties"; score muc4-dev --task doc-casualties

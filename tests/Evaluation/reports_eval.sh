#!/usr/bin/env bash
# Renders the three reports (department and one team) for a week inside each shared real dataset, as of
# that week's end, and turns every page into a PNG to look at. Not a test: it reads ../shared/real-data/
# (or $REAL_DATA) and says so plainly when that is missing. Usage: tests/Evaluation/reports_eval.sh [OUT]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
data="${REAL_DATA:-$repo/../shared/real-data}"
out="${1:-$(mktemp -d /tmp/reports-eval.XXXXXX)}"
if [ ! -d "$data" ]; then
    echo "reports_eval: skipped: no real data at $data (set REAL_DATA)"
    exit 0
fi

command -v pdftoppm >/dev/null || { echo "reports_eval: pdftoppm (poppler-utils) is needed"; exit 2; }
dotnet build "$repo/Worker" -v q >/dev/null
run() { dotnet run --no-build --project "$repo/Worker" -- "$@"; }

# dataset, file, mapping, as-of (a Sunday inside the data), a team in the data
datasets=(
    "helpdesk|helpdesk.csv|helpdesk-eventlog.json|2012-07-29|Value 1"
    "vinst|VINST-new.csv|vinst-eventlog.json|2012-05-06|G97"
)
for entry in "${datasets[@]}"; do
    IFS='|' read -r name file mapping asof team <<<"$entry"
    if [ ! -f "$data/$file" ]; then
        echo "reports_eval: $name skipped: $data/$file is missing"
        continue
    fi

    folder="$out/$name"
    mkdir -p "$folder"
    export Store__ConnectionString="Data Source=$folder/store.db"
    (cd "$folder" && run import "$data/$file" --profile generic --mapping "$repo/docs/examples/$mapping" >/dev/null)
    (cd "$folder" && run forecast --team department --retrain >/dev/null) || echo "reports_eval: $name: no forecast model"
    for kind in weekly appreciation staffing; do
        for scope in department "$team"; do
            pdf="$folder/$kind-${scope// /-}.pdf"
            (cd "$folder" && run report "$kind" --team "$scope" --as-of "$asof" --out "$pdf" 2>&1 | tail -1)
            pdftoppm -r 60 -png "$pdf" "${pdf%.pdf}"
        done
    done
done

echo "reports_eval: pages are in $out"

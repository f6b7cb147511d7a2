#!/usr/bin/env bash
# kostra review at KOSTRA scale: the bench corpus (made by `npm run bench -- --scale kostra`, in
# /tmp/kostra-bench/kostra/content) committed as main in a repository of its own, one codelist
# label edited on a branch, then `kostra review --base main` timed with its peak memory.
set -euo pipefail
src=${1:-/tmp/kostra-bench/kostra/content}
[ -d "$src/codelists" ] || { echo "no corpus in $src: run npm run bench -- --scale kostra first" >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
w=$(mktemp -d /tmp/review-bench.XXXX)
trap 'rm -rf "$w"' EXIT
cp -r "$src"/. "$w"/
cd "$w"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
git init -q -b main && git add -A && git commit -qm base
git checkout -q -b edit
f=$(printf '%s\n' codelists/*/20*.yaml | sed -n 1p)
sed -i '0,/nb: "[^"]*"/s//nb: "Endret i grenen"/' "$f"
git commit -qam edit
echo "review of $(git ls-files | wc -l) files, one edited ($f); load average $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "wall %e s, CPU %U s user + %S s system, peak %M KB" node "$here/bin/kostra.js" review --content "$w" --base main --format json > "$w/review.json"
node -e 'const r=require(process.argv[1]); console.log(`${r.summary.changes} change(s) in ${r.summary.years.length} year(s)`)' "$w/review.json"

#!/usr/bin/env bash
# After `npm run build`, name every file of dist/ that is not what the source builds: the build has just
# rewritten dist/, so git sees each stale file as changed, added or deleted against the commit. Each one
# becomes a GitHub annotation on that file, with what to do about it.
#
#   bash .ci/stale-dist.sh LEVEL ADVICE
#
# LEVEL is the annotation's (`notice` where the workflow commits the regenerated dist/ itself, `error`
# where the contributor must); ADVICE ends each message. Writes `stale=true|false` to $GITHUB_OUTPUT when
# it is set. Exits 0 either way: the workflow decides what a stale dist/ means.
set -euo pipefail
level="$1"
advice="$2"
count=0
# -z: paths as they are, whatever characters they hold; each entry is "XY path".
while IFS= read -r -d '' entry; do
  file="${entry:3}"
  count=$((count + 1))
  # A workflow command's properties escape `%`, `,` and `:` (its message, `%` and line breaks).
  property="${file//%/%25}"
  property="${property//,/%2C}"
  property="${property//:/%3A}"
  echo "::${level} file=${property},title=stale dist/::${file//%/%25} is not what the source builds. ${advice}"
done < <(git status --porcelain=v1 -z --untracked-files=all -- dist)
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  if [ "$count" -gt 0 ]; then echo 'stale=true' >> "$GITHUB_OUTPUT"; else echo 'stale=false' >> "$GITHUB_OUTPUT"; fi
fi
if [ "$count" -gt 0 ]; then echo "${count} file(s) of dist/ are stale."; else echo 'dist/ is fresh.'; fi

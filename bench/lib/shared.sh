# shellcheck shell=bash
# Sourced by the bench scripts: sorot_shared ROOT prints the shared folder (the corpora and the
# bench tools: fountain-to-pdf, fountain-truth, score_parse.py). $SOROT_SHARED when set, else
# "shared" beside the repository ROOT, else beside the main checkout when ROOT is a git worktree.
# Never a path of one machine.
sorot_shared() {
  local root=$1 common
  if [ -n "${SOROT_SHARED:-}" ]; then
    [ -d "$SOROT_SHARED" ] || { echo "bench: SOROT_SHARED=$SOROT_SHARED is not a folder" >&2; return 1; }
    (cd "$SOROT_SHARED" && pwd)
    return
  fi
  if [ -d "$root/../shared" ]; then
    (cd "$root/../shared" && pwd)
    return
  fi
  common=$(cd "$root" && git rev-parse --git-common-dir 2>/dev/null) || common=""
  if [ -n "$common" ] && [ -d "$(cd "$root" && cd "$common/.." && pwd)/../shared" ]; then
    (cd "$root" && cd "$common/../../shared" && pwd)
    return
  fi
  echo "bench: no shared folder (corpora and bench tools) beside $root; set SOROT_SHARED to it" >&2
  return 1
}

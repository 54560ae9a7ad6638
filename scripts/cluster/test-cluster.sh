#!/usr/bin/env bash
# npm run test:cluster — the sweep on a real (single-node) Slurm cluster.
#
# Installs slurm-wlm and munge when missing, starts munged, slurmctld and slurmd of its own,
# submits `glocal slurm`'s 4-task job array with `sbatch --wait`, merges the shards with
# `glocal merge`, and checks the merge is byte for byte the files of a local `glocal sweep` of
# the same spec. The daemons it started (and only those) are stopped on every exit. Any failure
# exits non-zero with a message; nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SPEC=${GLOCAL_CLUSTER_SPEC:-tests/cluster/small-sweep.json}
TASKS=4

cluster_fail() {
  printf 'test:cluster: FAILED: %s\n' "$*" >&2
  exit 1
}
# shellcheck source=scripts/cluster/slurm-daemons.sh
source scripts/cluster/slurm-daemons.sh

PASSED=0
passed() {
  PASSED=$((PASSED + 1))
  cluster_log "ok $PASSED: $*"
}

CLUSTER_DIR=$(mktemp -d /tmp/glocal-cluster.XXXXXX)
chmod 755 "$CLUSTER_DIR"

finish() {
  local status=$?
  trap - EXIT INT TERM
  if [[ $status -ne 0 ]]; then
    [[ -n "${SLURM_CONF:-}" ]] && squeue --all --long >&2 2>/dev/null || true
    print_daemon_logs
    for log in "$CLUSTER_DIR"/cluster/logs/*; do
      [[ -f "$log" ]] && { printf '\n--- %s ---\n' "$log" >&2; tail -n 40 "$log" >&2; }
    done
  fi
  stop_daemons
  if [[ $status -eq 0 || -z "${GLOCAL_CLUSTER_KEEP:-}" ]]; then rm -rf "$CLUSTER_DIR"; else cluster_log "kept $CLUSTER_DIR"; fi
  # The closing line test runners print: checks passed, and the one that failed.
  if [[ $status -eq 0 ]]; then printf 'cluster: %d passed, 0 failed\n' "$PASSED"; else printf 'cluster: %d passed, 1 failed\n' "$PASSED" >&2; fi
  exit "$status"
}
trap finish EXIT

# A plain 4-task array at indices 5–8 (arrays need not start at 0): each task prints the shard
# glocal's shardFromSlurm takes from SLURM_ARRAY_TASK_*. Tells a broken Slurm apart from a
# broken sweep, and checks the variables on a real Slurm.
preflight_array_job() {
  mkdir -p "$CLUSTER_DIR/preflight"
  cat >"$CLUSTER_DIR/preflight/array.sbatch" <<EOF
#!/bin/bash
#SBATCH --array=5-8
#SBATCH --output=$CLUSTER_DIR/preflight/task-%a.out
#SBATCH --time=00:05:00
#SBATCH --mem=512M
cd ${ROOT@Q}
srun node bin/run-ts.mjs scripts/cluster/print-shard.ts
EOF
  timeout 300 sbatch --wait "$CLUSTER_DIR/preflight/array.sbatch" >/dev/null \
    || cluster_fail "a plain 4-task job array failed: Slurm itself does not run jobs here ($(cat "$CLUSTER_DIR"/preflight/task-*.out 2>/dev/null | tail -5))"
  local seen
  seen=$(cat "$CLUSTER_DIR"/preflight/task-*.out | sort | tr '\n' ',')
  [[ $seen == "shard 0 of 4,shard 1 of 4,shard 2 of 4,shard 3 of 4," ]] || cluster_fail "array tasks 5–8 saw '$seen', expected shards 0–3 of 4"
  passed "a plain job array at indices 5–8 ran, its tasks took ${seen%,}"
}

# Files of two sweep folders must be byte-identical.
same_file() {
  cmp -s "$1" "$2" || cluster_fail "$2 differs from $1"
}

[[ $(id -u) -eq 0 ]] || cluster_fail "run as root: the test installs packages and runs slurmd and slurmctld as root (SlurmUser=root)"
ensure_slurm_packages
[[ -f "$SPEC" ]] || cluster_fail "no sweep spec at $SPEC"
start_munge
write_slurm_conf
start_slurm
preflight_array_job

cluster_log "local sweep of $SPEC"
node bin/glocal.mjs sweep "$SPEC" --out "$CLUSTER_DIR/local" --workers 2 --quiet \
  || cluster_fail "local glocal sweep failed"

cluster_log "job array of $TASKS tasks"
OUT="$CLUSTER_DIR/cluster"
node bin/glocal.mjs slurm "$SPEC" --tasks "$TASKS" --out "$OUT" --time 00:30:00 --mem 1G --cpus-per-task 1 \
  || cluster_fail "glocal slurm could not write the job script"
JOB_SCRIPT="$OUT/sweep.sbatch"
[[ -f "$JOB_SCRIPT" ]] || cluster_fail "glocal slurm wrote no $JOB_SCRIPT"
timeout 1200 sbatch --wait "$JOB_SCRIPT" || cluster_fail "the job array failed or timed out (sbatch --wait exit $?)"
for ((i = 0; i < TASKS; i++)); do
  shard="shard-$i-of-$TASKS" # shardFolder in src/sweep/shard.ts
  [[ -f "$OUT/$shard/manifest.json" ]] || cluster_fail "array task $i wrote no $shard/manifest.json"
done
passed "the $TASKS-task array of glocal slurm's script ran every shard"

# A task that failed: its shard is lost. merge must refuse, and resubmitting only that index
# (as docs/cluster.md says) must bring it back.
cluster_log "losing shard 2, then resubmitting only array index 2"
rm -rf "$OUT/shard-2-of-$TASKS"
if node bin/glocal.mjs merge "$OUT" >"$CLUSTER_DIR/merge-incomplete.log" 2>&1; then
  cluster_fail "glocal merge joined the shards although shard 2 of $TASKS was missing"
fi
grep -q "shard-2-of-$TASKS: missing" "$CLUSTER_DIR/merge-incomplete.log" \
  || cluster_fail "glocal merge did not name the missing shard: $(cat "$CLUSTER_DIR/merge-incomplete.log")"
passed "glocal merge refuses a sweep with a lost shard and names it"
timeout 600 sbatch --wait --array=2 "$JOB_SCRIPT" || cluster_fail "resubmitting array index 2 failed (sbatch --wait exit $?)"
[[ -f "$OUT/shard-2-of-$TASKS/manifest.json" ]] || cluster_fail "resubmitted index 2 wrote no shard-2-of-$TASKS/manifest.json"
passed "resubmitting only array index 2 brought its shard back"

cluster_log "merging the shards"
node bin/glocal.mjs merge "$OUT" || cluster_fail "glocal merge failed"
node bin/run-ts.mjs scripts/cluster/compare-sweeps.ts "$CLUSTER_DIR/local" "$OUT" \
  || cluster_fail "the merged shards differ from the local sweep"
passed "the merge of $TASKS shards equals the local sweep byte for byte"

cluster_log "sensitivity analysis of the merged and the local sweep"
for dir in "$CLUSTER_DIR/local" "$OUT"; do
  node bin/glocal.mjs analyze "$dir" --metric smeAdoption --stat mean >/dev/null || cluster_fail "glocal analyze $dir failed"
done
same_file "$CLUSTER_DIR/local/sensitivity.csv" "$OUT/sensitivity.csv"
grep -q '<svg' "$OUT/sensitivity.html" || cluster_fail "sensitivity.html of the merge has no chart"
passed "glocal analyze gives the merge the same sensitivity.csv as the local sweep"

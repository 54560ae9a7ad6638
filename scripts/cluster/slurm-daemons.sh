# Single-node Slurm for the cluster test: sourced by scripts/cluster/test-cluster.sh.
# Everything lives in $CLUSTER_DIR (a fresh temp folder): a private munge key and socket, the
# slurm.conf, state, spool and logs, on ports of its own, so a Slurm or munge the host already
# runs is neither used nor touched. Each daemon runs in the foreground of a background job, so
# its PID is known and only the daemons started here are stopped.
#
# Plugins are chosen for a container without systemd or cgroups: proctrack/linuxproc (tracks
# job processes through /proc), task/none, jobacct_gather/none, no accounting database.

DAEMON_PIDS=()

cluster_log() { printf 'test:cluster: %s\n' "$*"; }

# apt-get installs slurm-wlm and munge when a command is missing (needs root, as CI runs).
ensure_slurm_packages() {
  local missing=()
  for command in munged mungekey munge slurmctld slurmd sbatch sinfo scontrol squeue; do
    command -v "$command" >/dev/null 2>&1 || missing+=("$command")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  cluster_log "missing ${missing[*]}: installing slurm-wlm and munge with apt-get"
  if [[ $(id -u) -ne 0 ]]; then
    cluster_fail "slurm-wlm and munge are not installed and this user is not root; run: sudo apt-get install slurm-wlm munge"
  fi
  apt-get update -q || cluster_fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 slurm-wlm munge \
    || cluster_fail "apt-get install slurm-wlm munge failed"
  for command in "${missing[@]}"; do
    command -v "$command" >/dev/null 2>&1 || cluster_fail "$command is still missing after installing slurm-wlm and munge"
  done
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Waits up to $1 seconds for the command "${@:2}" to succeed.
wait_for() {
  local seconds=$1
  shift
  for ((i = 0; i < seconds * 2; i++)); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  return 1
}

start_munge() {
  mkdir -p "$CLUSTER_DIR/munge" "$CLUSTER_DIR/run" "$CLUSTER_DIR/log"
  chmod 700 "$CLUSTER_DIR/munge"
  chmod 755 "$CLUSTER_DIR/run" # munged wants its socket's folder open to every user
  if [[ ! -f "$CLUSTER_DIR/munge/munge.key" ]]; then
    mungekey --create --keyfile="$CLUSTER_DIR/munge/munge.key" || cluster_fail "mungekey could not create a key"
  fi
  chmod 600 "$CLUSTER_DIR/munge/munge.key"
  MUNGE_SOCKET="$CLUSTER_DIR/run/munge.socket"
  munged --foreground --force --socket="$MUNGE_SOCKET" --key-file="$CLUSTER_DIR/munge/munge.key" \
    --pid-file="$CLUSTER_DIR/run/munged.pid" --seed-file="$CLUSTER_DIR/munge/munged.seed" \
    --log-file="$CLUSTER_DIR/log/munged.log" >"$CLUSTER_DIR/log/munged.out" 2>&1 &
  DAEMON_PIDS+=($!)
  munge_works() { munge --socket="$MUNGE_SOCKET" --no-input | unmunge --socket="$MUNGE_SOCKET"; }
  wait_for 20 munge_works || cluster_fail "munged did not start (see $CLUSTER_DIR/log/munged.out)"
  cluster_log "munged up (pid ${DAEMON_PIDS[-1]})"
}

write_slurm_conf() {
  NODE_NAME=$(hostname -s)
  local cpus memory_mib
  cpus=$(nproc)
  memory_mib=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)
  mkdir -p "$CLUSTER_DIR/state" "$CLUSTER_DIR/spool"
  local ctld_port slurmd_port
  ctld_port=$(free_port)
  slurmd_port=$(free_port)
  while [[ $slurmd_port == "$ctld_port" ]]; do slurmd_port=$(free_port); done
  SLURM_CONF="$CLUSTER_DIR/slurm.conf"
  cat >"$SLURM_CONF" <<EOF
# Single-node cluster of the Glocal cluster test (scripts/cluster/test-cluster.sh)
ClusterName=glocaltest
SlurmctldHost=$NODE_NAME(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$MUNGE_SOCKET
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$CLUSTER_DIR/state
SlurmdSpoolDir=$CLUSTER_DIR/spool
SlurmctldPidFile=$CLUSTER_DIR/run/slurmctld.pid
SlurmdPidFile=$CLUSTER_DIR/run/slurmd.pid
SlurmctldLogFile=$CLUSTER_DIR/log/slurmctld.log
SlurmdLogFile=$CLUSTER_DIR/log/slurmd.log
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=none
SlurmdParameters=config_overrides
ReturnToService=2
MailProg=/bin/true
NodeName=$NODE_NAME NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory_mib State=UNKNOWN
PartitionName=glocal Nodes=$NODE_NAME Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF
  cluster_log "slurm.conf for $NODE_NAME: $cpus CPUs, $memory_mib MiB"
}

no_jobs_left() { [[ -z "$(squeue --noheader --format=%A 2>/dev/null)" ]]; }

node_idle() { [[ $(sinfo --noheader --nodes="$NODE_NAME" --format=%T 2>/dev/null) == idle* ]]; }

start_slurm() {
  slurmctld -D -f "$SLURM_CONF" >"$CLUSTER_DIR/log/slurmctld.out" 2>&1 &
  DAEMON_PIDS+=($!)
  wait_for 30 scontrol ping || cluster_fail "slurmctld did not answer scontrol ping within 30 s"
  cluster_log "slurmctld up (pid ${DAEMON_PIDS[-1]})"
  slurmd -D -f "$SLURM_CONF" -N "$NODE_NAME" >"$CLUSTER_DIR/log/slurmd.out" 2>&1 &
  DAEMON_PIDS+=($!)
  wait_for 60 node_idle || cluster_fail "node $NODE_NAME did not become idle within 60 s: $(sinfo --noheader --long 2>&1)"
  cluster_log "slurmd up (pid ${DAEMON_PIDS[-1]}), node $NODE_NAME idle"
}

# Stops the daemons started above (newest first), and only those: TERM, then KILL after 10 s.
# Jobs still on this private cluster (after a failure or a timeout) are cancelled first, so
# their steps do not outlive slurmd.
stop_daemons() {
  local pid
  if [[ ${#DAEMON_PIDS[@]} -ge 3 && -n "$(squeue --noheader --format=%A 2>/dev/null)" ]]; then
    scancel --user="$(id -un)" 2>/dev/null || true
    wait_for 30 no_jobs_left || cluster_log "jobs still listed after scancel: $(squeue --noheader 2>&1 | head -5)"
  fi
  for ((i = ${#DAEMON_PIDS[@]} - 1; i >= 0; i--)); do
    pid=${DAEMON_PIDS[i]}
    kill -TERM "$pid" 2>/dev/null || continue
    for ((t = 0; t < 20; t++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null || true
  done
  DAEMON_PIDS=()
}

print_daemon_logs() {
  for log in "$CLUSTER_DIR"/log/*; do
    [[ -f "$log" ]] || continue
    printf '\n--- %s (last 25 lines) ---\n' "$log" >&2
    tail -n 25 "$log" >&2
  done
}

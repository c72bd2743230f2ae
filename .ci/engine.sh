#!/usr/bin/env bash
# Sets up a local container engine for the container targets: Podman from
# Debian, with runc and cgroupfs, serving its Docker-compatible API on
# $SOCK. Idempotent: packages, config and service are left alone when they
# are already as wanted. Needs root (apt-get).
set -euo pipefail

SOCK=${STSCONFORM_PODMAN_SOCK:-/run/podman/podman.sock}
CONF=/etc/containers/containers.conf
PKGS=(podman runc iptables debootstrap uidmap slirp4netns netavark aardvark-dns fuse-overlayfs curl)
start=$(date +%s.%N)

elapsed() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1fs", e-s}'; }
step() {
  local name=$1; shift
  local t0; t0=$(date +%s.%N)
  "$@"
  echo "engine: $name took $(elapsed "$t0")"
}

install_packages() {
  local missing=()
  for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then echo "engine: packages already installed"; return; fi
  echo "engine: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

write_conf() {
  local want
  want=$(cat <<'CONF'
# Written by stsconform's .ci/engine.sh: this sandbox refuses the default
# rlimits and the systemd cgroup manager.
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
CONF
)
  if [ -f "$CONF" ] && [ "$(cat "$CONF")" = "$want" ]; then echo "engine: $CONF up to date"; return; fi
  mkdir -p "$(dirname "$CONF")"
  printf '%s\n' "$want" >"$CONF"
  echo "engine: wrote $CONF"
}

answering() { curl -fsS --max-time 2 --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1; }

start_service() {
  if answering; then echo "engine: API already answering on $SOCK"; return; fi
  mkdir -p "$(dirname "$SOCK")"
  rm -f "$SOCK"
  local log=${STSCONFORM_PODMAN_LOG:-/tmp/stsconform-podman-service.log}
  setsid nohup podman system service --time=0 "unix://$SOCK" >"$log" 2>&1 </dev/null &
  echo "engine: started podman system service (pid $!, log $log)"
  for _ in $(seq 1 100); do answering && return; sleep 0.1; done
  echo "engine: API not answering on $SOCK after 10s; see $log" >&2
  return 1
}

step "packages" install_packages
step "config" write_conf
step "service" start_service
echo "engine: ready in $(elapsed "$start"); use DOCKER_HOST=unix://$SOCK"

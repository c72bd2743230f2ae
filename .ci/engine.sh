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

# health_root is a tiny root filesystem (/bin/true and the libraries it
# needs) for the health check's container, so that no image is needed.
HEALTH_ROOT=/var/lib/stsconform/health-rootfs
health_root() {
  [ -x "$HEALTH_ROOT/bin/true" ] && return
  mkdir -p "$HEALTH_ROOT/bin"
  cp /bin/true "$HEALTH_ROOT/bin/"
  local lib
  for lib in $(ldd /bin/true | grep -o '/[^ ]*'); do
    mkdir -p "$HEALTH_ROOT$(dirname "$lib")"
    cp -L "$lib" "$HEALTH_ROOT$lib"
  done
}

# healthy starts (and removes) a throwaway container through the API socket:
# a service whose working directory was deleted still answers pings, yet
# every container start fails ("write child: broken pipe").
healthy() {
  answering || return 1
  health_root
  timeout 60 podman --url "unix://$SOCK" run --rm --network none \
    --rootfs "$HEALTH_ROOT" /bin/true >/dev/null 2>&1
}

# stop_service ends every podman system service serving $SOCK.
stop_service() {
  pkill -f "podman system service.*$SOCK" 2>/dev/null || true
  for _ in $(seq 1 50); do pgrep -f "podman system service.*$SOCK" >/dev/null || break; sleep 0.1; done
  rm -f "$SOCK"
}

# start_service runs the API service detached from any checkout: working
# directory /, log under /var/log (never inside a clone, which CI deletes).
start_service() {
  if healthy; then echo "engine: API healthy on $SOCK (a container started)"; return; fi
  if answering; then echo "engine: API answers but cannot start a container: restarting it"; fi
  stop_service
  mkdir -p "$(dirname "$SOCK")"
  local log=${STSCONFORM_PODMAN_LOG:-/var/log/stsconform-podman-service.log}
  (cd / && setsid nohup podman system service --time=0 "unix://$SOCK" >"$log" 2>&1 </dev/null &)
  echo "engine: started podman system service (log $log)"
  for _ in $(seq 1 100); do answering && break; sleep 0.1; done
  if ! healthy; then
    echo "engine: API on $SOCK cannot start a container; see $log" >&2
    return 1
  fi
}

step "packages" install_packages
step "config" write_conf
step "service" start_service
echo "engine: ready in $(elapsed "$start"); use DOCKER_HOST=unix://$SOCK"

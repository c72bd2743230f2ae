#!/usr/bin/env bash
# Builds the emulator images the container targets run, without pulling:
# a Debian root made by debootstrap (cached in .cache/rootfs/base-<suite>:
# bookworm, Python 3.11, or trixie, Python 3.13, for pins that say
# "# python: >=3.12"), one copy per emulator with its pins from
# fixtures/emulators/<name>.txt installed as install.sh there does (pip
# --no-deps -r, then pip check) in /opt/venv (cached in
# .cache/rootfs/<name>-<version>-<pins hash>), imported into Podman as
# localhost/stsconform/<name>:<version>. An image already there with that
# tag, built from the same pins (label org.stsconform.pins, a hash of the
# requirements file), is reused. Needs root and `make engine` (podman, debootstrap).
#
# Usage: .ci/images.sh [name …]   (default: every emulator of targets/emulator/catalog)
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE=$PWD/.cache/rootfs
# The emulator table is targets/emulator/catalog; this script asks it.
TABLE=$PWD/.bin/emulators; mkdir -p "$PWD/.bin"
go build -o "$TABLE" ./targets/emulator/catalog/cmd/emulators
NAMES=("$@")
[ ${#NAMES[@]} -gt 0 ] || mapfile -t NAMES < <("$TABLE" names)

now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN{printf "%.1fs", e-s}'; }
step() {
  local name=$1; shift
  local t0; t0=$(now)
  "$@"
  echo "images: $name took $(since "$t0")"
}

# pins prints the requirements file of an emulator (shared with the
# process targets of targets/emulator).
pins() { echo "fixtures/emulators/$1.txt"; }

# package is the PyPI name of an emulator.
package() { "$TABLE" package "$1"; }

# suite is the Debian release whose python3 the pins need.
suite() {
  local min; min=$(sed -n 's/^# python: >=3\.\([0-9]*\)$/\1/p' "$(pins "$1")")
  if [ "${min:-0}" -ge 12 ]; then echo trixie; else echo bookworm; fi
}

pinhash() { sha256sum "$(pins "$1")" | cut -c1-16; }

version() { sed -nE "s/^$(package "$1")(\\[[^]]*\\])?==([^ ;#]+).*/\\2/p" "$(pins "$1")" | head -1; }

mirror() {
  local m
  m=$(grep -hE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null |
    grep -E 'debian/?$|debian ' | grep -v security | head -1 | sed -E 's/^URIs: *//; s/^deb +(\[[^]]*\] +)?//; s/ .*//')
  echo "${m:-http://deb.debian.org/debian}"
}

# base makes the cached Debian root of a suite with python3 and python3-venv.
base() {
  local suite=$1 root=$CACHE/base-$1
  if [ -f "$root/.stsconform-ok" ]; then echo "images: base root cached in $root"; return; fi
  wipe "$root"; mkdir -p "$CACHE"
  printf '*\n' >"$PWD/.cache/.gitignore"
  debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates \
    "$suite" "$root" "$(mirror)" >"$CACHE/debootstrap-$suite.log" 2>&1 ||
    { tail -20 "$CACHE/debootstrap-$suite.log" >&2; return 1; }
  chroot "$root" apt-get clean
  rm -rf "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/*
  touch "$root/.stsconform-ok"
}

# unmount undoes with_mounts, also after an interrupted run.
unmount() {
  local m
  for m in "$1/dev" "$1/proc"; do ! mountpoint -q "$m" || umount -l "$m"; done
}

# wipe removes a root, never crossing into a mount (a bound /dev).
wipe() { [ ! -d "$1" ] || { unmount "$1"; rm -rf --one-file-system "$1"; }; }

# with_mounts runs a command in a chroot with /proc and /dev bound.
with_mounts() {
  local root=$1; shift
  trap "unmount '$root'" EXIT INT TERM
  mount -t proc proc "$root/proc"
  mount --bind /dev "$root/dev"
  local rc=0
  chroot "$root" "$@" || rc=$?
  unmount "$root"
  trap - EXIT INT TERM
  return $rc
}

# emulator_root copies the base root and pip-installs the pins into it.
emulator_root() {
  local name=$1 root=$2
  if [ -f "$root/.stsconform-ok" ]; then echo "images: $name root cached in $root"; return; fi
  wipe "$root"
  cp -a "$CACHE/base-$(suite "$name")" "$root"
  rm -f "$root/.stsconform-ok"
  cp "$(pins "$name")" "$root/requirements.txt"
  cp /etc/ssl/certs/ca-certificates.crt "$root/host-ca.crt"
  with_mounts "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    PIP_CERT=/host-ca.crt PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_DEFAULT_TIMEOUT=180 \
    sh -c 'python3 -m venv /opt/venv && /opt/venv/bin/pip install -q --no-input --no-deps -r /requirements.txt &&
      /opt/venv/bin/pip check' \
    >"$CACHE/$name.pip.log" 2>&1 || { tail -20 "$CACHE/$name.pip.log" >&2; return 1; }
  chroot "$root" /opt/venv/bin/pip freeze --all >"$CACHE/$name.freeze.txt"
  rm -f "$root/host-ca.crt"
  touch "$root/.stsconform-ok"
}

# changes prints the image settings of an emulator, one --change each.
changes() {
  local path=PATH=/opt/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  printf '%s\n' "ENV $path" "ENV PYTHONUNBUFFERED=1" "WORKDIR /root" \
    "LABEL org.stsconform.emulator=$1" "LABEL org.stsconform.pins=$(pinhash "$1")"
  "$TABLE" image "$1"
}

import_image() {
  local name=$1 root=$2 tag=$3 args=()
  while IFS= read -r c; do args+=(--change "$c"); done < <(changes "$name")
  tar -C "$root" --exclude=./.stsconform-ok --exclude=./requirements.txt -c . |
    podman import -q "${args[@]}" - "$tag" >/dev/null
}

# built_from prints the pins hash an existing image was built from.
built_from() {
  podman image exists "$1" || return 0
  podman image inspect --format '{{index .Labels "org.stsconform.pins"}}' "$1"
}

build() {
  local name=$1 v; v=$(version "$name")
  [ -n "$v" ] || { echo "images: no pkg==version line in $(pins "$name")" >&2; return 1; }
  local tag=localhost/stsconform/$name:$v root=$CACHE/$name-$v-$(pinhash "$name")
  if [ "$(built_from "$tag")" = "$(pinhash "$name")" ]; then echo "images: $tag exists, reused"; return; fi
  step "base root ($(suite "$name"))" base "$(suite "$name")"
  step "$name root (pip, $(pins "$name"))" emulator_root "$name" "$root"
  local old; old=$(podman image inspect --format '{{.Id}}' "$tag" 2>/dev/null || true)
  step "$name import" import_image "$name" "$root" "$tag"
  # The image this one replaces (older pins), and roots of older pins.
  local new; new=$(podman image inspect --format '{{.Id}}' "$tag")
  [ -z "$old" ] || [ "$old" = "$new" ] || podman rmi "$old" >/dev/null 2>&1 || true
  for d in "$CACHE/$name"-*/; do [ "${d%/}" = "$root" ] || wipe "${d%/}"; done
  podman image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' "$tag"
}

command -v podman >/dev/null || { echo "images: podman missing: run make engine" >&2; exit 1; }
t0=$(now)
for n in "${NAMES[@]}"; do step "image $n" build "$n"; done
echo "images: all done in $(since "$t0")"

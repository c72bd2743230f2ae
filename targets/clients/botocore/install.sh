#!/usr/bin/env bash
# Installs the botocore driver's pinned client and tools into their own
# virtualenv: install.sh VENV_ROOT (e.g. install.sh .venv makes .venv/botocore).
# Never global. Same conventions as fixtures/emulators/install.sh: skipped when
# VENV_ROOT/botocore/.pinned equals the requirement files (and the interpreter
# recorded there still works); exit status 3 means no usable Python with venv,
# and the message names the command that installs one.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$1
venv=$root/botocore
reqs=("$here/requirements.txt" "$here/requirements-dev.txt")
min=$(sed -n 's/^# python: >=\([0-9.]*\)$/\1/p' "${reqs[0]}")

usable() {
  "$1" -c "import sys, venv, ensurepip; sys.exit(sys.version_info[:2] < tuple(map(int, '$min'.split('.'))))" 2>/dev/null
}

mkdir -p "$root"
[ -f "$root/.gitignore" ] || echo '*' > "$root/.gitignore"
exec 9>"$root/.botocore.lock"
flock 9 2>/dev/null || true

if [ -f "$venv/.pinned" ] && cat "${reqs[@]}" | cmp -s - "$venv/.pinned" && usable "$venv/bin/python"; then
  exit 0
fi

python=${PYTHON3:-python3}
if ! command -v "$python" >/dev/null 2>&1 || ! usable "$python"; then
  echo "no Python >= $min with venv for the botocore driver: apt-get install python3 python3-venv" >&2
  exit 3
fi

echo "installing botocore driver into $venv with $python ($("$python" --version 2>&1))"
start=$SECONDS
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
  --require-hashes --no-deps -r "${reqs[0]}" -r "${reqs[1]}"
"$venv/bin/python" -m pip check --disable-pip-version-check
cat "${reqs[@]}" > "$venv/.pinned"
echo "installed botocore driver in $((SECONDS - start))s"

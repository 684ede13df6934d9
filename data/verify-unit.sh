#!/bin/sh
# Checks a systemd unit with `systemd-analyze verify`, in a scratch root that
# holds systemd's own units and stand-ins for the programs ExecStart names
# (cage is a deployment dependency, not a test one; rahnuma is not installed
# yet). Any message — even a warning systemd only "ignores" — fails the test.
# Usage: verify-unit.sh UNIT_FILE
set -eu
unit=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT INT TERM
mkdir -p "$root/etc/systemd/system" "$root/usr/lib/systemd"
cp -r /usr/lib/systemd/system "$root/usr/lib/systemd/"
cp "$unit" "$root/etc/systemd/system/"
sed -n 's/^Exec[A-Za-z]*=[-@:+!]*//p' "$unit" | tr ' ' '\n' | grep '^/' | while read -r program; do
  mkdir -p "$root$(dirname "$program")"
  printf '#!/bin/sh\n' >"$root$program"
  chmod +x "$root$program"
done
out=$(systemd-analyze verify --root="$root" "$(basename "$unit")" 2>&1) || { echo "$out"; exit 1; }
[ -z "$out" ] || { echo "$out"; exit 1; }
echo "ok: $(basename "$unit")"

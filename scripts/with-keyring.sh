#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keytar
# talks to a real Secret Service (as on a Linux desktop) without touching the user's keyring.
set -euo pipefail
if [ "${WLD_IN_KEYRING:-}" = 1 ]; then exec "$@"; fi
export WLD_IN_KEYRING=1
export XDG_DATA_HOME="${XDG_DATA_HOME:-$(mktemp -d)}"
exec dbus-run-session -- bash -c 'echo -n wld-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' bash "$@"

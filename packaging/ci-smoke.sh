#!/usr/bin/env bash
# CI step after the tests: build the Debian package from this checkout, install it with apt
# as the town's IT would (over an older version whose data has an older schema), and prove
# the installed desk works: version, self-test, a window on an X server, the keyring's
# message, then removal and purge leaving the user's data where it was.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
step_started=$(date +%s)
ensure_debs "the packaging checks" desktop-file-utils binutils xvfb xauth openbox \
    imagemagick xdotool dbus gnome-keyring

# (JUN_DESK_SMOKE_REUSE=1: test the .deb already in dist/, when working on this script.)
[ "${JUN_DESK_SMOKE_REUSE:-}" = 1 ] || bash packaging/build.sh --deb
deb=$(echo dist/jun-desk_*_amd64.deb)
[ -f "$deb" ] || { echo "ci-smoke: no single .deb in dist/" >&2; exit 1; }
# Every resource of the checkout is in the bundle (but the README's screenshots); the
# bundle is within its budget.
diff <(cd resources && find . -path ./screenshots -prune -o -type f -print | sort) \
     <(cd dist/jun-desk/_internal/resources && find . -type f | sort)
desktop-file-validate resources/jun-desk.desktop
size_mb=$(du -sm dist/jun-desk | cut -f1)
echo "bundle: ${size_mb} MB (budget 150 MB); package: $(du -h "$deb" | cut -f1)"
[ "$size_mb" -le 150 ]

home=$(mktemp -d)
export HOME=$home  # the test user's data: ~/.local/share/jun-desk and the rest
unset JUN_DESK_HOME JUN_DESK_DB
apt_quiet() { DEBIAN_FRONTEND=noninteractive apt-get "$@" -y -qq >"$home/apt.log" 2>&1 \
    || { cat "$home/apt.log" >&2; return 1; }; }
cleanup() {
    dpkg-query -W -f='${Status}' jun-desk 2>/dev/null | grep -q installed \
        && DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq jun-desk >/dev/null 2>&1
    rm -rf "$home"
}
trap cleanup EXIT

# 1. "The older version": the same build labelled 0.0.1, installed with apt, and its user's
#    data at schema 0009 (made with the project's own migrations) with one operator in it.
old=$home/jun-desk_0.0.1_amd64.deb
control=build/deb/debian/jun-desk/DEBIAN/control
cp "$control" "$home/control"
sed -i 's/^Version: .*/Version: 0.0.1/' "$control"
dpkg-deb --root-owner-group -Zgzip -z1 --build build/deb/debian/jun-desk "$old" >/dev/null
cp "$home/control" "$control"
apt_quiet update
apt_quiet install "$old"
data=$home/.local/share/jun-desk
mkdir -p "$data"
.venv/bin/python - "$data/jun-desk.db" <<'EOF'
import sys

from jun_desk.store.engine import Database
from jun_desk.store.migrate import upgrade

db = Database.open(f"sqlite:///{sys.argv[1]}")
upgrade(db, "0009")
with db.engine.begin() as conn:
    conn.exec_driver_sql(
        "INSERT INTO operators (username, display_name, role, departments, active, created_at)"
        " VALUES ('lucia', 'Lucía', 'supervisor', '', 1, '2026-01-05 09:00:00+00:00')")
db.dispose()
EOF
head=$(.venv/bin/python -c "from jun_desk.store.migrate import HEAD_REVISION as h; print(h)")
schema=$(jun-desk db current) && echo "older data: schema $schema"
grep -q "^0009_.* (latest is $head)\$" <<<"$schema"
# ... and its X credentials in the user's keyring (a Secret Service: gnome-keyring, its
# files in the user's home; each session unlocks the same keyring).
in_keyring_session() {
    dbus-run-session -- bash -c '
        printf "ci-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        eval "$1"' bash "$1"
}
in_keyring_session 'printf "%s\n" ck-0001 cs-0002 at-0003 ats-0004 \
    | jun-desk credentials set --stdin'


# 2. The upgrade: apt resolves the Depends; the first start migrates the old database.
apt_quiet install "./$deb"
[ "$(dpkg-query -W -f='${Version}' jun-desk)" = "$(jun-desk --version | cut -d' ' -f2)" ]
[ "$(command -v jun-desk)" = /usr/bin/jun-desk ]
/usr/bin/jun-desk --version
/usr/bin/jun-desk operators list | grep -q lucia  # the first start: migrates, then lists
schema=$(/usr/bin/jun-desk db current) && echo "after the first start: schema $schema"
grep -q "^$head (up to date)\$" <<<"$schema"
in_keyring_session 'jun-desk credentials show' | grep -q '…0004$'
echo "installed over 0.0.1: the schema-0009 database migrated to $head, its operator and" \
     "the keyring's credentials kept"
desktop-file-validate /usr/share/applications/jun-desk.desktop
exec_command=$(sed -n 's/^Exec=//p' /usr/share/applications/jun-desk.desktop)

# 3. The self-test and the window's start, from the menu entry's command.
started=$(date +%s%N)
QT_QPA_PLATFORM=offscreen $exec_command --self-test
echo "installed self-test (cold start included): $(( ($(date +%s%N) - started) / 1000000 )) ms"
started=$(date +%s%N)
QT_QPA_PLATFORM=offscreen JUN_DESK_QUIT_WHEN_READY=1 $exec_command --sandbox --speed instant \
    > "$home/start.txt" 2> "$home/start-err.txt" || { cat "$home/start-err.txt" >&2; exit 1; }
grep -q '^shown ' "$home/start.txt" && grep -q '^ready ' "$home/start.txt"
echo "installed window start to ready: $(( ($(date +%s%N) - started) / 1000000 )) ms"

# 4. No Secret Service (no session bus): the existing plain message, not a crash.
if env -u DBUS_SESSION_BUS_ADDRESS /usr/bin/jun-desk credentials show 2>"$home/err.txt"; then
    echo "ci-smoke: credentials show worked without a keyring" >&2; exit 1
fi
grep -q "No keyring is available" "$home/err.txt" || { cat "$home/err.txt" >&2; exit 1; }
echo "no Secret Service: $(cut -c1-80 "$home/err.txt")..."

# 5. A real window on an X server (Xvfb, openbox): mapped, then painted (not blank).
shot=$home/window.png
xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
    openbox >/dev/null 2>&1 &
    "$1" --sandbox >/dev/null 2>&1 &
    desk=$!
    timeout 60 xdotool search --sync --onlyvisible --class jun-desk >/dev/null
    # Painted: the screen shows more than a few colours (a blank or failed window does not).
    # Bounded: 40 looks at most.
    for _ in $(seq 40); do
        import -window root "$2"
        [ "$(convert "$2" -format %k info:)" -gt 200 ] && break
        sleep 0.5
    done
    kill "$desk"; wait "$desk" || true' bash "$exec_command" "$shot"
colours=$(convert "$shot" -format %k info:)
echo "window under Xvfb: $(convert "$shot" -format '%wx%h' info:), $colours colours"
[ "$colours" -gt 200 ]
cp "$shot" dist/jun-desk-installed-window.png  # to look at

# 6. Removal keeps the user's data; purge says where it is and keeps it too.
apt_quiet remove jun-desk
[ ! -e /usr/bin/jun-desk ] && [ ! -e /opt/jun-desk ]
[ -s "$data/jun-desk.db" ]
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq jun-desk > "$home/purge.txt" 2>&1
grep -q "each user's data was left in place" "$home/purge.txt"
[ -s "$data/jun-desk.db" ]
.venv/bin/python - "$data/jun-desk.db" "$head" <<'EOF'
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
assert db.execute("SELECT count(*) FROM operators WHERE username = 'lucia'").fetchone()[0] == 1
assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == sys.argv[2]
EOF
echo "removed and purged: the user's database is still in $data"

# 7. The user-level install (no root) of the same folder still works.
XDG_DATA_HOME="$home/share" bash packaging/install-linux.sh >/dev/null
desktop-file-validate "$home/share/applications/jun-desk.desktop"
"$home/.local/bin/jun-desk" --version
echo "packaging step: $(( $(date +%s) - step_started )) s"

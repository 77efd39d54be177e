#!/usr/bin/env bash
# Smoke test of the desktop app's package (see installers/README.md):
#
#   installers/smoke-test.sh [PACKAGE]   a .deb or an .rpm (default: the newest installers/target/lectern_*.deb)
#
# 1. checks the package: its dependencies name LibVLC, it holds the launcher, the desktop entry and the icon, and its
#    maintainer scripts register and unregister the menu entry;
# 2. installs it into a fresh directory: a .deb with dpkg-deb -x (the files dpkg would install), an .rpm with
#    rpm --root --noscripts; the host is not touched, so the maintainer scripts are checked above but not run here;
# 3. starts a server from server/target/lectern-server.jar on a free port with its own data directory (no demo);
# 4. starts Xvfb and runs the INSTALLED launcher (<root>/opt/lectern/bin/lectern, with its own jlinked runtime)
#    against that server, as a user whose home is a fresh directory;
# 5. waits for the window "Lectern", for the sign-in screen's request to the server (GET /api/v1/auth/oidc/providers
#    in the server's access log) and for a screenshot (kept as installers/target/smoke-test/sign-in.png) that
#    shows the sign-in card: many colours, a centred card on a plain background, the accent-blue "Password" toggle.
#
# Everything it started is stopped on exit, also on failure or Ctrl+C. Needs: Linux with dpkg (rpm for an .rpm), a
# JDK 25 (JAVA_HOME or as ./lectern finds it), Xvfb and xdotool (apt-get install xvfb xdotool; ./lectern test installs
# them) and the app's own dependencies (GTK 3, LibVLC). Elsewhere (not Linux, no dpkg) it says why it is skipped.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root_dir=$(dirname "$here")
out=$here/target/smoke-test
t0=$(date +%s)

say() { echo "smoke-test: $*" >&2; }
elapsed() { echo "$(( $(date +%s) - t0 )) s"; }

# --- can it run here? -----------------------------------------------------------------------------------------------
if [ "${LECTERN_SKIP_TESTS:-false}" = true ] || [ "${LECTERN_SKIP_ITS:-false}" = true ]; then
  say "skipped (-DskipTests or -DskipITs)"; exit 0
fi
if [ "$(uname -s)" != Linux ]; then
  say "skipped: it installs and runs a Linux package, so it needs Linux (this is $(uname -s))"; exit 0
fi

pkg=${1:-}
if [ -z "$pkg" ]; then
  if ! command -v dpkg-deb >/dev/null 2>&1; then
    say "skipped: not a Debian-like system (no dpkg-deb), so no .deb was built to test"; exit 0
  fi
  pkg=$(ls -t "$here"/target/lectern_*.deb 2>/dev/null | head -1 || true)
  [ -n "$pkg" ] || { say "FAILED: no installers/target/lectern_*.deb: build it with installers/package.sh deb"; exit 1; }
fi
[ -f "$pkg" ] || { say "FAILED: $pkg does not exist"; exit 1; }
pkg=$(cd "$(dirname "$pkg")" && pwd)/$(basename "$pkg")
case "$pkg" in
  *.deb) kind=deb; tool=dpkg-deb ;;
  *.rpm) kind=rpm; tool=rpm ;;
  *) say "FAILED: $pkg is neither a .deb nor an .rpm"; exit 1 ;;
esac
command -v "$tool" >/dev/null 2>&1 || { say "skipped: testing a .$kind needs $tool, which this system lacks"; exit 0; }

missing=""
for tool in Xvfb xdotool timeout; do command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"; done
if [ -n "$missing" ]; then
  say "FAILED: missing$missing: apt-get install xvfb xdotool (./lectern test installs them);"
  say "        or skip the installers with -Dlectern.installers.skip=true"
  exit 1
fi

find_java() {
  local candidate
  for candidate in "${LECTERN_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk* \
                   /usr/lib/jvm/java-25-openjdk* /usr/lib/jvm/jdk-25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if "$candidate/bin/java" -version 2>&1 | head -1 | grep -Eq '"(2[5-9]|[3-9][0-9])'; then
      echo "$candidate/bin/java"; return 0
    fi
  done
  return 1
}
java=$(find_java) || { say "FAILED: no JDK 25 found (set JAVA_HOME)"; exit 1; }
server_jar=$root_dir/server/target/lectern-server.jar
[ -f "$server_jar" ] || { say "FAILED: $server_jar missing: build it first (./lectern build)"; exit 1; }

# --- clean-up, whatever happens -------------------------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/lectern-smoke.XXXXXX")
chmod 755 "$work"  # run as root where user namespaces are off, the server's PostgreSQL runs as nobody
rm -rf "$out"
mkdir -p "$out"
app_pid="" xvfb_pid="" server_pid=""

stop() {  # stop PID SECONDS: TERM, then KILL when still alive after SECONDS
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $(( $2 * 5 ))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
}
stop_int() {  # stop_int PID: INT, then KILL when still alive after 5 s
  kill -INT "$1" 2>/dev/null || return 0
  for _ in $(seq 1 25); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL "$1" 2>/dev/null || true
}
cleanup() {
  local code=$? pid
  set +e
  stop "$app_pid" 5
  stop "$xvfb_pid" 5
  stop "$server_pid" 30
  # the server's embedded PostgreSQL and Redis, should the server not have stopped them (it leaves PostgreSQL running
  # when that runs as nobody): processes whose command line names this run's own temporary directory. PostgreSQL
  # takes SIGINT as "stop now" and takes its worker processes with it.
  for pid in $(grep -l -a -F "$work" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3); do
    [ "$pid" != $$ ] && stop_int "$pid"
  done
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  say "FAILED after $(elapsed): $*"
  local log
  for log in "$out/app.log" "$out/server.log" "$out/xvfb.log"; do
    if [ -s "$log" ]; then
      echo "---- last lines of $log ----" >&2
      tail -n 25 "$log" >&2
    fi
  done
  [ -f "$out/sign-in.png" ] && say "screenshot: $out/sign-in.png"
  exit 1
}

# http_get PORT PATH: the response (headers and body) of a local HTTP server; fails when nobody answers. Bash's
# /dev/tcp instead of curl, which a fresh Debian does not have.
http_get() {
  ( exec 3<>"/dev/tcp/127.0.0.1/$1" &&
    printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$2" >&3 &&
    timeout 5 cat <&3 ) 2>/dev/null
}
free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

# --- 1. the package -------------------------------------------------------------------------------------------------
say "checking $pkg"
mkdir -p "$work/control"
if [ "$kind" = deb ]; then
  depends=$(dpkg-deb -f "$pkg" Depends | tr ',' '\n' | sed -e 's/|.*//' -e 's/(.*//' -e 's/ //g' | sort -u)
  needed="libvlc5 vlc-plugin-base libgtk-3-0"
  dpkg-deb -e "$pkg" "$work/control"
  cat "$work/control/postinst" "$work/control/postrm" > "$work/control/install-scripts"
  cat "$work/control/prerm" > "$work/control/remove-scripts"
  for script in preinst postinst prerm postrm; do
    sh -n "$work/control/$script" || fail "the package's $script is not a valid shell script"
  done
else
  depends=$(rpm -qpR "$pkg" 2>/dev/null | sed 's/ .*//' | sort -u)
  needed="vlc-libs vlc-plugins-base gtk3"
  rpm -qp --scripts "$pkg" 2>/dev/null > "$work/control/scripts"
  sed -n '/^postinstall scriptlet/,/^[a-z]* *scriptlet/p' "$work/control/scripts" > "$work/control/install-scripts"
  sed -n '/^preuninstall scriptlet/,/^[a-z]* *scriptlet/p' "$work/control/scripts" > "$work/control/remove-scripts"
fi
for dep in $needed; do
  echo "$depends" | grep -qx "$dep" || fail "the package does not depend on $dep (it depends on: $(echo "$depends" | paste -sd' ' -))"
done
grep -q 'xdg-desktop-menu install /opt/lectern/lib/lectern-lectern.desktop' "$work/control/install-scripts" \
  || fail "the package's install script does not add the menu entry"
grep -q 'xdg-desktop-menu uninstall /opt/lectern/lib/lectern-lectern.desktop' "$work/control/remove-scripts" \
  || fail "the package's removal script does not remove the menu entry"
if [ "$kind" = deb ]; then
  unsatisfied=""
  for dep in $depends; do dpkg -s "$dep" >/dev/null 2>&1 || unsatisfied="$unsatisfied $dep"; done
  [ -z "$unsatisfied" ] || say "note: the package's dependencies not installed on this machine:$unsatisfied"
fi

# --- 2. installed into a fresh root ---------------------------------------------------------------------------------
root=$work/root
mkdir -p "$root"
if [ "$kind" = deb ]; then
  dpkg-deb -x "$pkg" "$root"
else
  debian_rpm=""
  rpm --help 2>/dev/null | grep -q -- --force-debian && debian_rpm=--force-debian  # Debian's rpm wants it
  rpm -i --root "$root" --dbpath "$work/rpmdb" --nodeps --noscripts --notriggers $debian_rpm "$pkg" \
    || fail "rpm could not install $pkg into $root"
fi
launcher=$root/opt/lectern/bin/lectern
entry=$root/opt/lectern/lib/lectern-lectern.desktop
[ -x "$launcher" ] || fail "no launcher at /opt/lectern/bin/lectern in the package"
[ -f "$entry" ] || fail "no desktop entry at /opt/lectern/lib/lectern-lectern.desktop in the package"
grep -qx 'Name=Lectern' "$entry" || fail "the desktop entry's name is not Lectern: $(grep '^Name=' "$entry")"
grep -qx 'Exec=/opt/lectern/bin/lectern' "$entry" || fail "the desktop entry does not start /opt/lectern/bin/lectern"
grep -q '^Categories=.*Education' "$entry" || fail "the desktop entry is not in the Education menu"
icon=$(sed -n 's/^Icon=//p' "$entry")
[ -f "$root$icon" ] || fail "the desktop entry's icon $icon is not in the package"
cmp -s "$root$icon" "$here/src/icon/lectern.png" || fail "the icon $icon is not Lectern's (jpackage's default?)"
grep -q 'jdk.httpserver' "$root/opt/lectern/lib/runtime/release" 2>/dev/null \
  || fail "the app's runtime lacks jdk.httpserver (the browser sign-in's redirect)"
say "package OK: depends on LibVLC, holds launcher, menu entry and icon; installed into $root ($(elapsed))"

# --- 3. a server ----------------------------------------------------------------------------------------------------
port=$(free_port) || fail "no free port for the server"
mkdir -p "$work/server" "$work/home"
# a clean environment: no LECTERN_* of the caller (LECTERN_DB_URL...) and no ./application.yaml
(cd "$work/server" && exec env -i PATH="$PATH" HOME="$work/home" LANG=C.UTF-8 \
   LECTERN_DATA_DIR="$work/server/data" LECTERN_HOST=127.0.0.1 LECTERN_PORT="$port" \
   LECTERN_MANAGEMENT_PORT=-1 LECTERN_SEED_DEMO=false \
   "$java" --enable-native-access=ALL-UNNAMED -jar "$server_jar" server >"$out/server.log" 2>&1) &
server_pid=$!
say "server starting on port $port (log: $out/server.log)"

# --- 4. a display (while the server starts) -------------------------------------------------------------------------
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$out/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 1 50); do [ -s "$work/display" ] && break; kill -0 "$xvfb_pid" 2>/dev/null || break; sleep 0.2; done
display=$(tr -dc 0-9 <"$work/display" 2>/dev/null || true)
[ -n "$display" ] || fail "Xvfb did not start"
say "Xvfb on :$display"

for _ in $(seq 1 180); do
  http_get "$port" /health/ready | grep -q '"UP"' && break
  kill -0 "$server_pid" 2>/dev/null || fail "the server stopped while starting"
  sleep 0.5
done
http_get "$port" /health/ready | grep -q '"UP"' || fail "the server was not ready within 90 s"
say "server ready ($(elapsed))"

# --- 5. the installed app -------------------------------------------------------------------------------------------
home=$work/home
(exec env -i PATH="$PATH" DISPLAY=":$display" HOME="$home" LANG=C.UTF-8 XDG_CONFIG_HOME="$home/.config" \
   XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache" LECTERN_SERVER_URL="http://127.0.0.1:$port" \
   JAVA_TOOL_OPTIONS="-Duser.home=$home -Duser.language=en -Duser.country=US" \
   "$launcher" >"$out/app.log" 2>&1) &
app_pid=$!
say "started $launcher (log: $out/app.log)"

window=""
for _ in $(seq 1 120); do
  window=$(DISPLAY=":$display" xdotool search --onlyvisible --name '^Lectern$' 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
  kill -0 "$app_pid" 2>/dev/null || fail "the installed app exited before showing a window"
  sleep 0.5
done
[ -n "$window" ] || fail "no window named Lectern within 60 s"
say "window 'Lectern' is up ($(elapsed))"

# The sign-in screen asks the server which "Sign in with ..." providers it offers as it opens: the server's access log
# shows whether the installed app got there (and reached the server).
asked=""
for _ in $(seq 1 60); do
  if grep -q 'path=/api/v1/auth/oidc/providers status=200' "$out/server.log"; then asked=yes; break; fi
  kill -0 "$app_pid" 2>/dev/null || fail "the installed app exited"
  sleep 0.5
done
[ -n "$asked" ] || fail "the app never asked the server for its sign-in providers within 30 s: no sign-in screen"
say "the sign-in screen asked the server for its providers ($(elapsed))"

eval "$(DISPLAY=":$display" xdotool getwindowgeometry --shell "$window")"  # X, Y, WIDTH, HEIGHT
shot=$out/sign-in.png
verdict=""
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  sleep 1  # let JavaFX finish drawing (fonts, the providers' answer)
  if verdict=$(DISPLAY=":$display" "$java" -Djava.awt.headless=false "$here/src/smoke/ScreenCheck.java" \
                 "$shot" "$X" "$Y" "$WIDTH" "$HEIGHT" 2>&1); then
    break
  fi
  [ "$attempt" = 10 ] && { echo "$verdict" >&2; fail "the screenshot does not show the sign-in screen"; }
done
echo "$verdict" >&2
kill -0 "$app_pid" 2>/dev/null || fail "the installed app exited"
say "PASSED in $(elapsed): the installed app shows its sign-in screen; screenshot: $shot"

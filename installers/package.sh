#!/usr/bin/env bash
# Builds installers of the Lectern desktop app with jlink + jpackage from JDK 25 (see installers/README.md).
#
#   installers/package.sh [TYPE]
#     all        what this platform builds (default): Linux .deb and .rpm, Windows .msi, macOS .dmg
#     deb | rpm  Linux packages (deb needs dpkg-deb and fakeroot, rpm needs rpmbuild: apt-get install rpm)
#     msi        Windows (needs WiX 3, or WiX 4+ with its Util and UI extensions); run from Git Bash
#     dmg        macOS
#     app-image  only the application image (installers/target/app-image/), on any platform
#
# Input: desktop-client/target/lectern-desktop.jar and its libs/ (built by ./lectern build or ./lectern package).
# Output: installers/target/.
# The runtime is jlinked from the JDK's modules the app uses (jdeps) plus a few it reaches by reflection or service
# lookup; JavaFX stays on the class path in libs/ (its jars carry the native libraries), as with ./lectern desktop.
#
# Environment: JAVA_HOME (a JDK 25; else found like ./lectern does), LECTERN_ABOUT_URL (the packages' home page),
# LECTERN_PACKAGE_MAINTAINER (the .deb maintainer's e-mail address), LECTERN_DEB_COMPRESSION (see below). Maven runs
# this with LECTERN_PACKAGE_MAVEN=true: then a system that cannot build a .deb (not Linux, no dpkg) skips it with a
# note instead of failing, a .deb newer than everything it is built from is kept, and the .deb is gzipped.
#
# Written for bash 3.2 too (macOS): no empty arrays expanded under set -u, no mapfile, no ${x,,}.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
target=$here/target
maven=${LECTERN_PACKAGE_MAVEN:-false}

say() { echo "package.sh: [${SECONDS}s] $*" >&2; }
die() { say "error: $*"; exit 1; }
skip() {  # skip <reason>: under Maven a note and success, otherwise an error
  if [ "$maven" = true ]; then say "skipped: $*"; exit 0; fi
  die "$*"
}

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=mac ;;
  MINGW* | MSYS* | CYGWIN*) os=windows ;;
  *) os=other ;;
esac

type=${1:-all}
case "$type" in
  all | deb | rpm | msi | dmg | app-image) ;;
  -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1' "$0"; exit 0 ;;
  *) die "unknown type '$type' (deb, rpm, all, app-image, msi or dmg)" ;;
esac

# --- the JDK --------------------------------------------------------------------------------------------------------
find_jdk() {
  local candidate
  for candidate in "${LECTERN_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk* \
                   /usr/lib/jvm/java-25-openjdk* /usr/lib/jvm/jdk-25*; do
    [ -n "$candidate" ] || continue
    if [ "$os" = windows ] && command -v cygpath >/dev/null 2>&1; then candidate=$(cygpath -u "$candidate"); fi
    [ -x "$candidate/bin/jpackage" ] || [ -x "$candidate/bin/jpackage.exe" ] || continue
    if "$candidate/bin/java" -version 2>&1 | head -1 | grep -Eq '"(2[5-9]|[3-9][0-9])'; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}
jdk=$(find_jdk) || die "no JDK 25 with jpackage found: set JAVA_HOME to a JDK 25 (for example Temurin 25)"

# --- what to build --------------------------------------------------------------------------------------------------
types=""
if [ "$type" = all ]; then
  case "$os" in
    linux) types="deb rpm" ;;
    windows) types=msi ;;
    mac) types=dmg ;;
    *) skip "no installer type for $(uname -s); app-image builds anywhere" ;;
  esac
else
  types=$type
fi
for t in $types; do
  case "$t:$os" in
    deb:linux | rpm:linux | msi:windows | dmg:mac | app-image:*) ;;
    *) skip "a .$t is built on $(case $t in deb|rpm) echo Linux;; msi) echo Windows;; dmg) echo macOS;; esac), this is $(uname -s)" ;;
  esac
done

# Tools jpackage needs: a missing one drops that type from "all" (with the reason) and fails when asked for by name.
wanted=""
for t in $types; do
  missing=""
  case "$t" in
    deb) for tool in dpkg-deb fakeroot; do command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"; done
         hint="apt-get install fakeroot (dpkg-deb comes with dpkg)" ;;
    rpm) command -v rpmbuild >/dev/null 2>&1 || missing=" rpmbuild"
         hint="apt-get install rpm, or dnf install rpm-build" ;;
    *) hint="" ;;
  esac
  if [ -n "$missing" ]; then
    if [ "$type" = all ]; then
      say "the .$t is skipped: it needs${missing} ($hint)"
      continue
    fi
    # under Maven only a system without dpkg (not Debian-like) skips the .deb; on Debian a missing fakeroot fails
    case "$missing" in *dpkg-deb*) skip "not a Debian-like system: a .deb needs${missing}" ;; esac
    die "a .$t needs${missing} ($hint; ./lectern test installs what the tests need, -Dlectern.installers.skip=true skips this)"
  fi
  wanted="$wanted $t"
done
[ -n "$wanted" ] || skip "nothing can be built here"

# --- inputs ---------------------------------------------------------------------------------------------------------
jar=$root/desktop-client/target/lectern-desktop.jar
libs=$root/desktop-client/target/libs
[ -f "$jar" ] && [ -d "$libs" ] || die "$jar (and its libs/) missing: build them first with ./lectern build"
options_file=$root/desktop-client/jvm.options
version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)
version=${version%-SNAPSHOT}
[ -n "$version" ] || die "no <version> in $root/pom.xml"
icon_dir=$here/src/icon
about_url=${LECTERN_ABOUT_URL:-}
maintainer=${LECTERN_PACKAGE_MAINTAINER:-maintainers@lectern.local}
description="Lectern e-learning: courses, videos, quizzes and offline study, for learners, instructors and admins."

# A package newer than everything it is made of is kept when Maven builds it again.
if [ "$maven" = true ] && [ "$wanted" = " deb" ]; then
  old=$(ls -t "$target"/lectern_"$version"*.deb 2>/dev/null | head -1 || true)
  if [ -n "$old" ] && [ -z "$(find "$jar" "$libs" "$options_file" "$here/package.sh" "$here/src" -newer "$old" 2>/dev/null | head -1)" ]; then
    say "$(basename "$old") is up to date"
    exit 0
  fi
fi

mkdir -p "$target"

# Staging: the jar and its libs/ (the jar's manifest names them as libs/*.jar).
input=$target/input
rm -rf "$input"
mkdir -p "$input/libs"
cp "$jar" "$input/"
cp "$libs"/*.jar "$input/libs/"

# --- the runtime ----------------------------------------------------------------------------------------------------
# jdeps finds what the code calls; added are modules reached without a static reference: jdk.httpserver (the browser
# sign-in's loopback redirect), jdk.localedata (German and Spanish dates and money; en, de and es only), java.logging
# (SLF4J's JUL binding) and jdk.charsets (the legacy charsets PDFs may name).
say "finding the JDK modules the app uses (jdeps) ..."
found=$(cd "$input" && "$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 25 \
          --class-path "libs/*" lectern-desktop.jar libs/*.jar 2>/dev/null | tail -1)
case "$found" in java.base*) ;; *) die "jdeps printed no module list (got: $found)" ;; esac
modules="$found,jdk.httpserver,jdk.localedata,java.logging,jdk.charsets"
modules=$(echo "$modules" | tr , '\n' | sort -u | paste -sd, -)
say "runtime modules: $modules"

# --strip-debug also strips the native libraries' symbols with objcopy (binutils) on Linux; without objcopy only the
# Java debug attributes go, which on Temurin gives the same runtime (its native libraries come stripped).
strip=--strip-debug
if [ "$os" = linux ] && ! command -v objcopy >/dev/null 2>&1; then strip=--strip-java-debug-attributes; fi
runtime=$target/runtime
rm -rf "$runtime"
"$jdk/bin/jlink" --add-modules "$modules" --include-locales=en,de,es "$strip" --no-header-files \
  --no-man-pages --strip-native-commands --output "$runtime"

# --- the application image ------------------------------------------------------------------------------------------
name=lectern
[ "$os" = linux ] || name=Lectern  # Linux package names are lower case; Windows and macOS show this name
java_options=""
while IFS= read -r line || [ -n "$line" ]; do
  line=$(echo "$line" | sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//')
  [ -n "$line" ] && java_options="$java_options $line"
done < "$options_file"
java_options="$java_options --enable-native-access=ALL-UNNAMED"

case "$os" in
  windows) icon=$icon_dir/lectern.ico ;;
  mac) icon=$icon_dir/lectern.icns ;;
  *) icon=$icon_dir/lectern.png ;;
esac
app_version=$version
if [ "$os" = mac ] && [ "${version%%.*}" = 0 ]; then
  app_version="1${version#0}"  # macOS bundles refuse a first version number of 0
  say "macOS wants a version from 1: packaging $version as $app_version"
fi

image_dir=$target/app-image
rm -rf "$image_dir"
set -- --type app-image --dest "$image_dir" --name "$name" --app-version "$app_version" --vendor Lectern \
       --description "$description" --copyright "Lectern" --icon "$icon" \
       --input "$input" --main-jar lectern-desktop.jar --runtime-image "$runtime"
for opt in $java_options; do set -- "$@" --java-options "$opt"; done
[ "$os" = mac ] && set -- "$@" --mac-package-identifier io.lectern.desktop --mac-package-name Lectern
say "building the application image (jpackage --type app-image) ..."
"$jdk/bin/jpackage" "$@"
case "$os" in
  mac) app=$image_dir/$name.app ;;
  *) app=$image_dir/$name ;;
esac
[ -e "$app" ] || die "jpackage made no application image at $app"

# --- the packages ---------------------------------------------------------------------------------------------------
# LibVLC plays the videos and comes from the system: declared as a dependency (Debian: libvlc5 and the base plugins;
# Fedora/RHEL: vlc-libs and vlc-plugins-base, in Fedora itself since 39, from RPM Fusion on older releases). JavaFX's
# glass toolkit needs GTK 3, X11 and OpenGL libraries that no Java module brings, so they are declared too.
deb_deps="libvlc5, vlc-plugin-base, libgtk-3-0, libgl1, libxtst6, libxxf86vm1"
rpm_deps="vlc-libs, vlc-plugins-base, gtk3, mesa-libGL, libXtst, libXxf86vm"

# The resource directory jpackage reads for the Linux packages:
# - the desktop entry template of src/linux (the name "Lectern", keywords, the window class);
# - the icon: for a package built from an application image jpackage takes the menu icon from here (as <name>.png),
#   not from --icon;
# - jpackage's own maintainer scripts (.deb) and spec (.rpm), taken from the JDK and changed in two places. First,
#   xdg-desktop-menu (xdg-utils) fails with status 3 where no desktop has created /usr/share/desktop-directories
#   (minimal installs, containers), which leaves the package half-installed and impossible to remove: the scripts
#   create that directory before they add or remove the menu entry. Second, the spec leaves out of the .rpm the
#   directories of the "filesystem" package (/opt...) by asking rpm -ql filesystem, falling back to a list which it
#   writes on one line, which then matched nothing where that package is missing (building on Debian): the .rpm
#   owned /opt. The fallback is written one directory a line.
resources=$target/resources
rm -rf "$resources"
if [ "$os" = linux ]; then
  mkdir -p "$resources"
  cp "$here"/src/linux/* "$resources/"
  cp "$icon_dir/lectern.png" "$resources/$name.png"
  templates=$target/jpackage-templates
  rm -rf "$templates"
  "$jdk/bin/jimage" extract --dir "$templates" \
    --include 'regex:.*/jdk/jpackage/internal/resources/template\.(postinst|prerm|spec)' "$jdk/lib/modules"
  templates=$templates/jdk.jpackage/jdk/jpackage/internal/resources
  adapt() {  # adapt TEMPLATE OUT: the template with the menu directory created before the menu commands
    awk '/^DESKTOP_COMMANDS_(UN)?INSTALL$/ { print "mkdir -p /usr/share/desktop-directories  # for xdg-desktop-menu" }
         { print }' "$1" |
      sed 's/{ rpm -ql filesystem || echo %{default_filesystem}; }/{ rpm -q --quiet filesystem \&\& rpm -ql filesystem || echo %{default_filesystem} | tr " " "\\n"; }/' > "$2"
    grep -q 'desktop-directories' "$2" || die "could not adapt jpackage's $(basename "$1") (a new JDK?)"
  }
  adapt "$templates/template.postinst" "$resources/postinst"
  adapt "$templates/template.prerm" "$resources/prerm"
  adapt "$templates/template.spec" "$resources/$name.spec"
  grep -q 'rpm -q --quiet filesystem' "$resources/$name.spec" || die "could not adapt jpackage's template.spec (a new JDK?)"
fi

# dpkg-deb's xz takes ~100 s for this package on two busy cores, gzip ~10 s (63 MB instead of 52 MB): Maven's build,
# whose .deb the smoke test installs, uses gzip; release builds keep xz. LECTERN_DEB_COMPRESSION (xz, gzip, zstd or
# none) chooses; dpkg-deb reads it since dpkg 1.21.10 (Debian 12, Ubuntu 22.04).
if [ "$maven" = true ]; then compression=${LECTERN_DEB_COMPRESSION:-gzip}; else compression=${LECTERN_DEB_COMPRESSION:-xz}; fi
export DPKG_DEB_COMPRESSOR_TYPE=$compression

built=""
for t in $wanted; do
  [ "$t" = app-image ] && { built="$built $app"; continue; }
  set -- --type "$t" --dest "$target" --app-image "$app" --name "$name" --app-version "$app_version" \
         --vendor Lectern --description "$description" --copyright "Lectern" --icon "$icon"
  [ -n "$about_url" ] && set -- "$@" --about-url "$about_url"
  case "$t" in
    deb) set -- "$@" --install-dir /opt --resource-dir "$resources" --linux-shortcut --linux-menu-group Education \
                     --linux-app-category education --linux-deb-maintainer "$maintainer" --linux-package-deps "$deb_deps" ;;
    rpm) set -- "$@" --install-dir /opt --resource-dir "$resources" --linux-shortcut --linux-menu-group Education \
                     --linux-app-category Applications/Education --linux-package-deps "$rpm_deps" ;;
    # the upgrade UUID stays the same across versions so that a newer .msi replaces an installed older one
    msi) set -- "$@" --win-menu --win-menu-group Lectern --win-shortcut --win-dir-chooser \
                     --win-upgrade-uuid 33736eb9-2a97-4d9a-b796-70689c757c18 ;;
    dmg) set -- "$@" --mac-package-identifier io.lectern.desktop --mac-package-name Lectern ;;
  esac
  rm -f "$target"/*."$t"
  say "building the .$t (jpackage --type $t) ..."
  "$jdk/bin/jpackage" "$@"
  made=$(ls -t "$target"/*."$t" 2>/dev/null | head -1 || true)
  [ -n "$made" ] || die "jpackage made no .$t in $target"
  built="$built $made"
done

say "built:"
for f in $built; do
  echo "  $f ($(du -sh "$f" | cut -f1))"
done

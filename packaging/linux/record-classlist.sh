#!/usr/bin/env bash
# Records which classes a start of the installed console loads (up to its first rows and
# detail pane) into packaging/linux/app/flanks-console.classlist, the list appcds.sh builds
# the start-up archive from. Re-run when start-up code or dependencies change a lot: a stale
# list only costs speed (missing classes load as usual, gone ones are skipped).
#   mvn -B -Pinstaller -DskipTests package && packaging/linux/record-classlist.sh
# Needs xvfb (xvfb-run) and libgtk-3-0.
set -euo pipefail
cd "$(dirname "$0")/../.."
deb=${1:-$(ls target/installer/*.deb | head -1)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg -x "$deb" "$tmp/root"
launcher=$(ls "$tmp"/root/opt/*/bin/* | head -1)
# no archive exists in a fresh dpkg -x, so every class is loaded (and listed) from scratch
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$tmp/classlist" \
    xvfb-run -a -s "-screen 0 1600x1000x24" "$launcher" --smoke-test --data-dir "$tmp/data" 2>/dev/null | grep '^SMOKE'
cp "$tmp/classlist" packaging/linux/app/flanks-console.classlist
echo "$(grep -vc '^#' packaging/linux/app/flanks-console.classlist) classes in packaging/linux/app/flanks-console.classlist"

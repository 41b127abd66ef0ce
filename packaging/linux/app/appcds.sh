#!/bin/sh
# Makes (or removes) the console's AppCDS archive, lib/app/flanks-console.jsa: the JDK,
# JavaFX and console classes that a start-up loads (listed in flanks-console.classlist,
# recorded from a real start), parsed and laid out once so every start maps them instead.
# The launcher asks for it with -XX:SharedArchiveFile=$APPDIR/flanks-console.jsa.
#
# Java 17 accepts the archive only with the class path it was made with, so it is made where
# the app finally lives: the .deb's postinst runs "sh lib/app/appcds.sh create" (as root),
# prerm runs "... remove". After "dpkg -x" run it yourself. Takes 5-15 s.
set -eu

appdir=$(cd "$(dirname "$0")" && pwd)
name=flanks-console
java="$appdir/../runtime/bin/java"
jsa="$appdir/$name.jsa"

case "${1:-create}" in
    create)
        rm -f "$jsa"
        # the same class path, in the same order, as the launcher builds from its .cfg
        cp=$(sed -n 's/^app\.classpath=//p' "$appdir/$name.cfg" | sed "s#^\$APPDIR#$appdir#" | paste -sd: -)
        "$java" -Xshare:dump -XX:SharedClassListFile="$appdir/$name.classlist" \
            -XX:SharedArchiveFile="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
            -cp "$cp" >/dev/null
        # prove the launcher's JVM can map it, or leave no archive at all
        if ! "$java" -Xshare:on -XX:SharedArchiveFile="$jsa" -cp "$cp" -version >/dev/null 2>&1; then
            rm -f "$jsa"
            echo "appcds.sh: the archive does not map; removed it" >&2
            exit 1
        fi
        ;;
    remove)
        rm -f "$jsa"
        ;;
    *)
        echo "usage: sh appcds.sh create|remove" >&2
        exit 2
        ;;
esac

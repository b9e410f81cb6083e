#!/bin/sh
# fsrd <-> fsrd roams (selftests/fsrd_mobility_roams.sh): FT-PSK, PMK-R1
# push off on both fsrd, so the key reaches ap2 by PULL at the first
# roam into it.
FSRD_MOB_AKM=psk
FSRD_MOB_PUSH=no
export FSRD_MOB_AKM FSRD_MOB_PUSH
exec sh "$(dirname "$0")/fsrd_mobility_roams.sh"

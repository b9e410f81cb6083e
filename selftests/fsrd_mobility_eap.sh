#!/bin/sh
# fsrd <-> fsrd roams (selftests/fsrd_mobility_roams.sh): FT-802.1X,
# PMK-R1 push on both fsrd.
FSRD_MOB_AKM=eap
FSRD_MOB_PUSH=yes
export FSRD_MOB_AKM FSRD_MOB_PUSH
exec sh "$(dirname "$0")/fsrd_mobility_roams.sh"

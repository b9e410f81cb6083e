#!/bin/sh
# fsrd <-> fsrd roams (selftests/fsrd_mobility_roams.sh): FT-802.1X,
# PMK-R1 push on both fsrd, FT over the DS on (roams over the DS after
# those over the air).
FSRD_MOB_AKM=eap
FSRD_MOB_PUSH=yes
FSRD_MOB_DS=yes
export FSRD_MOB_AKM FSRD_MOB_PUSH FSRD_MOB_DS
exec sh "$(dirname "$0")/fsrd_mobility_roams.sh"

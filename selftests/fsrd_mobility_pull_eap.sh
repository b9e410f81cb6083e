#!/bin/sh
# PMK-R1 PULL between fsrd and hostapd 2.10 (selftests/fsrd_mobility_pull.sh)
# with FT-802.1X: FreeRADIUS in each AP's namespace, push off on both.
FSRD_MOBP_AKM=eap
export FSRD_MOBP_AKM
exec sh "$(dirname "$0")/fsrd_mobility_pull.sh"

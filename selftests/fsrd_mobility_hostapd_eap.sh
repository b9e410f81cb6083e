#!/bin/sh
# fsrd <-> hostapd 2.10 (selftests/fsrd_mobility_hostapd.sh) with
# FT-802.1X: FreeRADIUS in each AP's namespace, keys pushed both ways.
FSRD_MOBH_AKM=eap
export FSRD_MOBH_AKM
exec sh "$(dirname "$0")/fsrd_mobility_hostapd.sh"

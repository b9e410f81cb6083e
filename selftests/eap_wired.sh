#!/bin/sh
# fsrd's 802.1X authenticator (eap_relay.c) and RADIUS client against real
# wpa_supplicant (-D wired: PEAP/MSCHAPv2, EAP-TLS, a wrong password, a
# server-driven reauthentication) and FreeRADIUS, over a veth pair in a
# private network namespace: tests/eap/eap_wired.sh with the probe that
# selftests/Makefile builds. TAP output.
SELFTESTS=${SELFTESTS:-$(cd "$(dirname "$0")" && pwd)}
TOP=$(cd "$SELFTESTS/.." && pwd)
exec sh "$TOP/tests/eap/eap_wired.sh" "$TOP/build/selftests/eap_probe"

/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SIGHUP: read the configuration file again and apply it without a
 * restart. The file is checked whole first: a bad file is refused with
 * its file:line, and so is a change that cannot be taken live (the
 * control socket, the size of a PMKSA cache in use), and one the
 * services fail to take (a RADIUS socket that cannot be opened); then the
 * running configuration stays as it was. Otherwise:
 *  - the daemon-wide services take the new file first: the key stores
 *    (a first 802.1X BSS gets its PMKSA cache), the RADIUS service (a
 *    changed server set renews the client, requests under way are sent
 *    again to the new servers: radius/radius_svc.h), the eap_* settings
 *    (eap/sta_eap.h);
 *  - the log level is applied;
 *  - a BSS whose section is unchanged keeps running with its stations
 *    and their keys;
 *  - a BSS removed from the file is stopped, its stations deauthenticated
 *    (accounting Stop for 802.1X sessions);
 *  - a BSS whose settings changed is restarted (the same), and when its
 *    FT-PSK passphrase changed, the PMK-R0s made with the old one and
 *    their PMK-R1s in fsr.ko are revoked, so no station roams back in
 *    with the old key; a change of the [global] FT settings restarts
 *    every FT BSS;
 *  - a new BSS is started.
 * debug: the -d count of the command line, added to log_level as at start.
 * Returns 0, or a negative errno when the reload was refused.
 */
#ifndef FSRD_RELOAD_H
#define FSRD_RELOAD_H

#include "conf/config.h"

int fsrd_reload(struct fsrd_conf *cur, int debug);

#endif

// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsrctl peer show: fsrd's R0KH/R1KH peers of the mobility domain (the
 * r0kh and r1kh lines of each BSS with key transport, and the peers
 * learned through a wildcard line): what they sent and were sent,
 * refusals, when each was last heard.
 */
#include <inttypes.h>
#include <string.h>

#include "fsrd_client.h"

static void print_peer(struct json_object *p)
{
	bool r0 = !strcmp(fsrd_str(p, "role"), "r0kh");
	struct json_object *push;

	/* r0kh: keys come from it, we pull from it and take its REVOKEs;
	 * r1kh: keys go to it, it pulls from us, we send it REVOKEs */
	printf("%-15s %-4s %-17s %-20s %-7s %6" PRIu64 " %7" PRIu64
	       " %7" PRIu64 " %8" PRIu64 " %5" PRIu64 " %7" PRIu64 "  %s\n",
	       fsrd_str(p, "bss"), fsrd_str(p, "role"), fsrd_str(p, "addr"),
	       fsrd_str(p, r0 ? "r0kh_id" : "r1kh_id"), fsrd_str(p, "sequence"),
	       fsrd_u64(p, "rx"), fsrd_u64(p, "refused"),
	       fsrd_u64(p, "keys_rx") + fsrd_u64(p, "keys_pulled"), fsrd_u64(p, "keys_tx"),
	       r0 ? fsrd_u64(p, "pulls_tx") : fsrd_u64(p, "pulls_rx"),
	       r0 ? fsrd_u64(p, "revokes_rx") : fsrd_u64(p, "revokes_tx"),
	       fsrd_str(p, "last_seen"));
	if (strcmp(fsrd_str(p, "origin"), "configured") &&
	    strcmp(fsrd_str(p, "origin"), "-"))
		printf("  %s through the wildcard %s line %s, until %s\n",
		       !strcmp(fsrd_str(p, "origin"), "looking") ?
		       "looked for (PULL to the broadcast address)" :
		       !strcmp(fsrd_str(p, "origin"), "blocked") ?
		       "did not answer a PULL to the broadcast address" :
		       "learned", fsrd_str(p, "role"), fsrd_str(p, "learned"),
		       fsrd_str(p, "expires"));
	/* pmk_r1_push_to leaves it out: not a neighbour */
	if (json_object_object_get_ex(p, "push", &push) &&
	    !json_object_get_boolean(push))
		printf("  not in pmk_r1_push_to: gets PMK-R1s by PULL only\n");
	if (r0 && (fsrd_u64(p, "pull_timeouts") || fsrd_u64(p, "pull_naks")))
		printf("  pulls unanswered: %" PRIu64 ", answered without a key: %" PRIu64 "\n",
		       fsrd_u64(p, "pull_timeouts"), fsrd_u64(p, "pull_naks"));
	if (fsrd_u64(p, r0 ? "pmksas_rx" : "pmksas_tx"))
		printf("  PMKSAs %s: %" PRIu64 "\n", r0 ? "kept from it" :
		       "shared with it",
		       fsrd_u64(p, r0 ? "pmksas_rx" : "pmksas_tx"));
	if (fsrd_u64(p, "tx_fail"))
		printf("  frames not sent: %" PRIu64 "\n", fsrd_u64(p, "tx_fail"));
	if (strcmp(fsrd_str(p, "last_refusal"), "-"))
		printf("  last refusal: %s (%s)\n", fsrd_str(p, "last_refusal"),
		       fsrd_str(p, "last_refused"));
}

static int peer_show(struct ctl *c, int argc, char **argv)
{
	struct json_object *reply, *list;
	size_t i, n;
	int ret;

	if (argc > 1)
		return ctl_usage(c, "unexpected argument '%s'", argv[1]);
	ret = fsrd_ask(c, "peer_show", NULL, argc ? argv[0] : NULL, &reply);
	if (!ret)
		ret = fsrd_reply_array(c, reply, "peers", &list);
	if (ret)
		return ret;
	if (c->json)
		return fsrd_print_reply(c, reply);
	n = json_object_array_length(list);
	if (!n)
		printf("no R0KH/R1KH peers (no FT BSS with r0kh or r1kh lines)\n");
	else
		printf("%-15s %-4s %-17s %-20s %-7s %6s %7s %7s %8s %5s %7s  %s\n",
		       "BSS", "ROLE", "ADDRESS", "KEY-HOLDER-ID", "SEQ", "RX",
		       "REFUSED", "KEYS-IN", "KEYS-OUT", "PULLS", "REVOKES",
		       "LAST-SEEN");
	for (i = 0; i < n; i++)
		print_peer(json_object_array_get_idx(list, i));
	json_object_put(reply);
	return ctl_flush(c);
}

int cmd_peer(struct ctl *c, int argc, char **argv)
{
	static const struct ctl_sub subs[] = {
		{ "show", peer_show },
	};

	return ctl_subcommand(c, "peer", subs,
			      sizeof(subs) / sizeof(subs[0]), "show",
			      argc, argv);
}

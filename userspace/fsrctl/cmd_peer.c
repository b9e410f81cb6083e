// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsrctl peer show: fsrd's R0KH/R1KH peers of the mobility domain (the
 * r0kh and r1kh lines of each BSS with key transport): what they sent
 * and were sent, refusals, when each was last heard.
 */
#include <inttypes.h>
#include <string.h>

#include "fsrd_client.h"

static const char *str(struct json_object *o, const char *k)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, k, &v) ||
	    !json_object_is_type(v, json_type_string))
		return "-";
	return json_object_get_string(v);
}

static uint64_t num(struct json_object *o, const char *k)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, k, &v))
		return 0;
	return json_object_get_uint64(v);
}

static void print_peer(struct json_object *p)
{
	bool r0 = !strcmp(str(p, "role"), "r0kh");

	/* r0kh: keys come from it, we pull from it and take its REVOKEs;
	 * r1kh: keys go to it, it pulls from us, we send it REVOKEs */
	printf("%-15s %-4s %-17s %-20s %-7s %6" PRIu64 " %7" PRIu64
	       " %7" PRIu64 " %8" PRIu64 " %5" PRIu64 " %7" PRIu64 "  %s\n",
	       str(p, "bss"), str(p, "role"), str(p, "addr"),
	       str(p, r0 ? "r0kh_id" : "r1kh_id"), str(p, "sequence"),
	       num(p, "rx"), num(p, "refused"),
	       num(p, "keys_rx") + num(p, "keys_pulled"), num(p, "keys_tx"),
	       r0 ? num(p, "pulls_tx") : num(p, "pulls_rx"),
	       r0 ? num(p, "revokes_rx") : num(p, "revokes_tx"),
	       str(p, "last_seen"));
	if (r0 && (num(p, "pull_timeouts") || num(p, "pull_naks")))
		printf("  pulls unanswered: %" PRIu64 ", answered without a key: %" PRIu64 "\n",
		       num(p, "pull_timeouts"), num(p, "pull_naks"));
	if (num(p, "tx_fail"))
		printf("  frames not sent: %" PRIu64 "\n", num(p, "tx_fail"));
	if (strcmp(str(p, "last_refusal"), "-"))
		printf("  last refusal: %s (%s)\n", str(p, "last_refusal"),
		       str(p, "last_refused"));
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

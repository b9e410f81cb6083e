// SPDX-License-Identifier: GPL-2.0-only
#include <inttypes.h>
#include <string.h>

#include "fields.h"
#include "fsr_names.h"
#include "fsr_parse.h"
#include "hist.h"
#include "view.h"

static struct json_object *get(struct json_object *o, const char *k)
{
	struct json_object *v = NULL;

	if (!o || !json_object_object_get_ex(o, k, &v))
		return NULL;
	return v;
}

static const char *str(struct json_object *o, const char *k)
{
	struct json_object *v = get(o, k);

	return v && json_object_is_type(v, json_type_string) ?
		json_object_get_string(v) : "-";
}

static void line(FILE *f, const char *indent, const char *key)
{
	fprintf(f, "%s%-16s ", indent, key);
}

/* key, then the value as JSON gives it: strings bare, bools yes/no. */
static void kv(FILE *f, const char *indent, struct json_object *o,
	       const char *k)
{
	struct json_object *v = get(o, k);

	if (!v)
		return;
	line(f, indent, k);
	if (json_object_is_type(v, json_type_boolean))
		fputs(json_object_get_boolean(v) ? "yes" : "no", f);
	else
		fputs(json_object_get_string(v), f);
	fputc('\n', f);
}

static void suite_kv(FILE *f, const char *indent, struct json_object *o,
		     const char *k)
{
	char sk[32];

	snprintf(sk, sizeof(sk), "%s_suite", k);
	if (!get(o, sk))
		return;
	line(f, indent, k);
	fprintf(f, "%s (%s)\n", get(o, k) ? str(o, k) : "unknown", str(o, sk));
}

static const char *how_text(const char *how)
{
	if (!strcmp(how, "4-way"))
		return "4-way handshake";
	if (!strcmp(how, "ft-userspace"))
		return "FT roam served by userspace (fsrd)";
	if (!strcmp(how, "ft-kernel"))
		return "FT roam served by the kernel (fsr.ko)";
	if (!strcmp(how, "none"))
		return "not associated";
	return how;
}

static void station_text(FILE *f, struct json_object *s)
{
	struct json_object *b = get(s, "bss"), *c = get(s, "counters");
	const char *in = "    ";

	fprintf(f, "%s\n", str(s, "addr"));
	line(f, in, "bss");
	fprintf(f, "%s %s ssid \"%s\"\n", str(b, "ifname"), str(b, "bssid"),
		str(b, "ssid"));
	kv(f, in, s, "state");
	kv(f, in, s, "aid");
	suite_kv(f, in, s, "akm");
	suite_kv(f, in, s, "cipher");
	line(f, in, "since");
	fprintf(f, "%s (%s s)\n", str(s, "since"),
		json_object_get_string(get(s, "since_s")));
	line(f, in, "how");
	fprintf(f, "%s\n", how_text(str(s, "how")));
	kv(f, in, s, "authorized");
	kv(f, in, s, "rekey_pending");
	if (c) {
		json_object_object_foreach(c, key, v) {
			if (!strcmp(key, "source"))
				continue;
			line(f, in, key);
			fprintf(f, "%s\n", json_object_get_string(v));
		}
		line(f, in, "counters_from");
		fprintf(f, "%s\n", str(c, "source"));
	} else if (get(s, "counters_error")) {
		kv(f, in, s, "counters_error");
	}
}

void fmt_stations_text(FILE *f, struct json_object *stations)
{
	size_t i, n = json_object_array_length(stations);

	if (!n)
		fputs("no stations\n", f);
	for (i = 0; i < n; i++) {
		if (i)
			fputc('\n', f);
		station_text(f, json_object_array_get_idx(stations, i));
	}
}

void fmt_trace_text(FILE *f, struct json_object *t)
{
	fprintf(f, "%s %s %s %-16s %s\n", str(t, "time"), str(t, "bss"),
		str(t, "sta"), str(t, "event"), str(t, "detail"));
}

static void add_u64(struct json_object *o, const char *k, uint64_t v)
{
	json_object_object_add(o, k, json_object_new_uint64(v));
}

struct json_object *kernel_bss_json(const struct fsr_rec *r)
{
	struct json_object *o = json_object_new_object();
	struct json_object *st = json_object_new_object();
	uint16_t s;

	json_object_object_add(o, "attached", json_object_new_boolean(1));
	if (fsr_rec_has(r, FSR_A_FT)) {
		struct json_object *ft = json_object_new_object();
		char buf[FSR_MAC_STRLEN];

		if (r->ft_has & FSR_REC_HAS(FSR_FT_A_ENABLE))
			json_object_object_add(ft, "enable",
				json_object_new_boolean(r->ft_enable));
		if (r->ft_has & FSR_REC_HAS(FSR_FT_A_READY))
			json_object_object_add(ft, "ready",
				json_object_new_boolean(r->ft_ready));
		if (r->ft_has & FSR_REC_HAS(FSR_FT_A_MDE)) {
			snprintf(buf, sizeof(buf), "%02x%02x", r->ft_mde[2],
				 r->ft_mde[3]);
			json_object_object_add(ft, "mobility_domain",
					       json_object_new_string(buf));
		}
		if (r->ft_has & FSR_REC_HAS(FSR_FT_A_R1KH_ID)) {
			fsr_format_mac(r->ft_r1kh, buf);
			json_object_object_add(ft, "r1kh_id",
					       json_object_new_string(buf));
		}
		if (r->ft_has & FSR_REC_HAS(FSR_FT_A_AID_MIN))
			add_u64(ft, "aid_min", r->ft_aid_min);
		if (r->ft_has & FSR_REC_HAS(FSR_FT_A_AID_MAX))
			add_u64(ft, "aid_max", r->ft_aid_max);
		if (r->ft_has & FSR_REC_HAS(FSR_FT_A_DEADLINE_MS))
			add_u64(ft, "deadline_ms", r->ft_deadline_ms);
		if (r->ft_has & FSR_REC_HAS(FSR_FT_A_GTK_IDX))
			add_u64(ft, "gtk_idx", r->ft_gtk_idx);
		json_object_object_add(o, "ft", ft);
	}
	for (s = 1; s <= FSR_STAT_MAX; s++)
		if (fsr_stat_name(s))
			add_u64(st, fsr_stat_name(s), r->stats[s]);
	json_object_object_add(o, "stats", st);
	if (fsr_rec_has(r, FSR_A_HIST_AUTH))
		json_object_object_add(o, "hist_auth",
				       hist_json(r->hist_auth));
	if (fsr_rec_has(r, FSR_A_HIST_REASSOC))
		json_object_object_add(o, "hist_reassoc",
				       hist_json(r->hist_reassoc));
	return o;
}

static struct json_object *find_by_ifname(struct json_object *a,
					  const char *ifname)
{
	size_t i, n = json_object_array_length(a);

	for (i = 0; i < n; i++) {
		struct json_object *o = json_object_array_get_idx(a, i);

		if (!strcmp(str(o, "ifname"), ifname))
			return o;
	}
	return NULL;
}

static void copy_member(struct json_object *dst, struct json_object *src,
			const char *k)
{
	struct json_object *v = get(src, k);

	if (v)
		json_object_object_add(dst, k, json_object_get(v));
}

struct json_object *bss_merge_json(const struct fsr_rec *k, size_t nk,
				   bool have_kernel,
				   struct json_object *daemon,
				   const char *ifname)
{
	struct json_object *out = json_object_new_array();
	size_t i, n = daemon ? json_object_array_length(daemon) : 0;
	char mac[FSR_MAC_STRLEN];

	/* fsrd's BSSes first, in its order, with the kernel's view */
	for (i = 0; i < n; i++) {
		struct json_object *d = json_object_array_get_idx(daemon, i);
		struct json_object *o;
		const char *name = str(d, "ifname");
		size_t j;

		if (ifname && strcmp(name, ifname))
			continue;
		o = json_object_new_object();
		copy_member(o, d, "ifname");
		copy_member(o, d, "ifindex");
		copy_member(o, d, "bssid");
		json_object_object_add(o, "daemon", json_object_get(d));
		if (have_kernel) {
			struct json_object *kv = NULL;

			for (j = 0; j < nk; j++)
				if (fsr_rec_has(&k[j], FSR_A_IFNAME) &&
				    !strcmp(k[j].ifname, name))
					kv = kernel_bss_json(&k[j]);
			if (!kv) {
				kv = json_object_new_object();
				json_object_object_add(kv, "attached",
					json_object_new_boolean(0));
			}
			json_object_object_add(o, "kernel", kv);
		}
		json_object_array_add(out, o);
	}
	/* then the BSSes only fsr.ko knows */
	for (i = 0; have_kernel && i < nk; i++) {
		struct json_object *o;
		const char *name = fsr_rec_has(&k[i], FSR_A_IFNAME) ?
				   k[i].ifname : "";

		if (ifname && strcmp(name, ifname))
			continue;
		if (daemon && *name && find_by_ifname(daemon, name))
			continue;
		o = json_object_new_object();
		if (*name)
			json_object_object_add(o, "ifname",
					       json_object_new_string(name));
		add_u64(o, "ifindex", k[i].ifindex);
		if (fsr_rec_has(&k[i], FSR_A_BSSID)) {
			fsr_format_mac(k[i].bssid, mac);
			json_object_object_add(o, "bssid",
					       json_object_new_string(mac));
		}
		json_object_object_add(o, "kernel", kernel_bss_json(&k[i]));
		json_object_array_add(out, o);
	}
	return out;
}

static void daemon_text(FILE *f, struct json_object *d)
{
	const char *in = "    ";
	struct json_object *a = get(d, "akms"), *ft = get(d, "ft");
	size_t i;

	fputs("  daemon (fsrd)\n", f);
	kv(f, in, d, "name");
	line(f, in, "ssid");
	fprintf(f, "\"%s\"\n", str(d, "ssid"));
	kv(f, in, d, "started");
	line(f, in, "channel");
	fprintf(f, "%s (%s MHz)\n", json_object_get_string(get(d, "channel")),
		json_object_get_string(get(d, "freq")));
	line(f, in, "security");
	fputs(str(d, "security"), f);
	fputs(" akms", f);
	for (i = 0; a && i < json_object_array_length(a); i++)
		fprintf(f, " %s",
			json_object_get_string(json_object_array_get_idx(a, i)));
	fputc('\n', f);
	suite_kv(f, in, d, "cipher");
	line(f, in, "stations");
	fprintf(f, "%s associated (max %s)\n",
		json_object_get_string(get(d, "stations")),
		json_object_get_string(get(d, "max_stations")));
	kv(f, in, d, "gtk_idx");
	kv(f, in, d, "gtk_set");
	kv(f, in, d, "gtk_next_rekey");
	kv(f, in, d, "rekey_pending");
	kv(f, in, d, "eapol_dropped");
	kv(f, in, d, "mgmt_bad_sa");
	if (ft) {
		kv(f, in, ft, "mobility_domain");
		kv(f, in, ft, "r1kh_id");
		kv(f, in, ft, "kernel_fast_path");
		kv(f, in, ft, "over_ds");
	}
}

static void kernel_text(FILE *f, struct json_object *k)
{
	const char *in = "    ";
	struct json_object *ft = get(k, "ft"), *st = get(k, "stats");
	bool any = false;

	fputs("  kernel (fsr.ko)\n", f);
	kv(f, in, k, "attached");
	if (!json_object_get_boolean(get(k, "attached")))
		return;
	if (ft) {
		line(f, in, "fast_path");
		fprintf(f, "%s, %s", json_object_get_boolean(get(ft, "enable")) ?
				"enabled" : "disabled",
			json_object_get_boolean(get(ft, "ready")) ? "ready" :
								   "not ready");
		if (get(ft, "aid_min"))
			fprintf(f, ", AIDs %s-%s",
				json_object_get_string(get(ft, "aid_min")),
				json_object_get_string(get(ft, "aid_max")));
		if (get(ft, "deadline_ms"))
			fprintf(f, ", deadline %s ms",
				json_object_get_string(get(ft, "deadline_ms")));
		if (get(ft, "gtk_idx"))
			fprintf(f, ", gtk_idx %s",
				json_object_get_string(get(ft, "gtk_idx")));
		fputc('\n', f);
	} else {
		line(f, in, "fast_path");
		fputs("not configured\n", f);
	}
	if (st) {
		json_object_object_foreach(st, key, v) {
			if (!json_object_get_uint64(v))
				continue;
			line(f, in, key);
			fprintf(f, "%s\n", json_object_get_string(v));
			any = true;
		}
	}
	if (!any) {
		line(f, in, "counters");
		fputs("all zero\n", f);
	}
}

static void kernel_hist_text(FILE *f, struct json_object *k,
			     const char *name)
{
	struct json_object *h = get(k, name), *b = get(h, "buckets");
	uint64_t v[FSR_HIST_BUCKETS] = { 0 };
	size_t i;

	if (!b)
		return;
	for (i = 0; i < FSR_HIST_BUCKETS && i < json_object_array_length(b);
	     i++)
		v[i] = json_object_get_uint64(json_object_array_get_idx(b, i));
	hist_text(f, "    ", name, v);
}

void fmt_bss_merged_text(FILE *f, struct json_object *merged)
{
	size_t i, n = json_object_array_length(merged);

	if (!n)
		fputs("no BSS\n", f);
	for (i = 0; i < n; i++) {
		struct json_object *o = json_object_array_get_idx(merged, i);
		struct json_object *k = get(o, "kernel");

		if (i)
			fputc('\n', f);
		fprintf(f, "%s ifindex %s bssid %s\n", str(o, "ifname"),
			get(o, "ifindex") ?
			json_object_get_string(get(o, "ifindex")) : "-",
			str(o, "bssid"));
		if (get(o, "daemon"))
			daemon_text(f, get(o, "daemon"));
		if (k) {
			kernel_text(f, k);
			if (json_object_get_boolean(get(k, "attached"))) {
				kernel_hist_text(f, k, "hist_auth");
				kernel_hist_text(f, k, "hist_reassoc");
			}
		}
	}
}

/* --- pmksa show, auth show ------------------------------------------------ */

static uint64_t u64(struct json_object *o, const char *k)
{
	struct json_object *v = get(o, k);

	return v && json_object_is_type(v, json_type_int) ?
		json_object_get_uint64(v) : 0;
}

static bool boolean(struct json_object *o, const char *k)
{
	struct json_object *v = get(o, k);

	return v && json_object_get_boolean(v);
}

void fmt_pmksa_text(FILE *f, struct json_object *reply)
{
	struct json_object *list = get(reply, "entries"), *e;
	size_t i, n = list && json_object_is_type(list, json_type_array) ?
		json_object_array_length(list) : 0;

	if (get(reply, "enabled") && !boolean(reply, "enabled"))
		fputs("no BSS of fsrd uses 802.1X: no PMKSA cache\n", f);
	if (n)
		fprintf(f, "%-17s  %-17s  %-32s  %-15s  %8s  %-3s  %-16s  %s\n",
			"STA", "BSSID", "PMKID", "AKM", "EXPIRES", "OKC",
			"FROM", "USER");
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(list, i);
		/* the AKM's name, else its suite selector */
		/* FROM: here, or the R0KH-ID of the peer that shared it */
		fprintf(f, "%-17s  %-17s  %-32s  %-15s  %7" PRIu64 "s  %-3s  %-16s  %s\n",
			str(e, "sta"), str(e, "bssid"), str(e, "pmkid"),
			get(e, "akm") ? str(e, "akm") : str(e, "akm_suite"),
			u64(e, "expires_in"), boolean(e, "okc") ? "yes" : "no",
			get(e, "from") ? str(e, "from") : "here",
			str(e, "user"));
	}
}

/* A title line, then "    key value" for every member of o except skip. */
static void members(FILE *f, const char *title, struct json_object *o,
		    size_t skip)
{
	size_t i = 0;

	if (!o || !json_object_is_type(o, json_type_object))
		return;
	fprintf(f, "%s\n", title);
	json_object_object_foreach(o, k, v) {
		if (i++ < skip)
			continue;
		fprintf(f, "    %-22s %s\n", k, json_object_get_string(v));
	}
}

static void servers_text(FILE *f, const char *kind, struct json_object *a)
{
	size_t i, n;

	if (!a || !json_object_is_type(a, json_type_array))
		return;
	n = json_object_array_length(a);
	for (i = 0; i < n; i++) {
		struct json_object *s = json_object_array_get_idx(a, i);
		char title[256];

		snprintf(title, sizeof(title), "%s %s (%s): %s", kind,
			 str(s, "name"), str(s, "address"),
			 boolean(s, "dead") ? "dead" : "alive");
		/* name, address and dead are in the title */
		members(f, title, s, 3);
	}
}

void fmt_auth_text(FILE *f, struct json_object *reply)
{
	members(f, "authentications", get(reply, "auth"), 0);
	members(f, "eap", get(reply, "eap"), 0);
	members(f, "eap_limit", get(reply, "eap_limit"), 0);
	members(f, "pmksa", get(reply, "pmksa"), 0);
	servers_text(f, "auth_server", get(reply, "auth_servers"));
	servers_text(f, "acct_server", get(reply, "acct_servers"));
	members(f, "das", get(reply, "das"), 0);
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * SIGHUP: the configuration file read again and applied to the running
 * daemon (see reload.h). Everything that does not change keeps running:
 * a BSS whose section is the same keeps its stations and their keys.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ap/bss.h"
#include "core/log.h"
#include "core/reload.h"
#include "drv/fastpath.h"
#include "eap/sta_eap.h"
#include "keys/ft_store.h"
#include "keys/keystore.h"
#include "keys/revoke.h"
#include "nmsp/nmsp_svc.h"
#include "radius/radius_svc.h"

/* Equal settings (the section's line number aside). Sections come from
 * calloc'd memory, so their padding compares equal too. */
static bool bss_same(const struct fsrd_bss_conf *a,
		     const struct fsrd_bss_conf *b)
{
	struct fsrd_bss_conf x, y;
	bool same;

	memcpy(&x, a, sizeof(x));
	memcpy(&y, b, sizeof(y));
	x.line = 0;
	y.line = 0;
	same = !memcmp(&x, &y, sizeof(x));
	explicit_bzero(&x, sizeof(x));
	explicit_bzero(&y, sizeof(y));
	return same;
}

static const struct fsrd_bss_conf *find_section(const struct fsrd_conf *c,
						const char *name)
{
	for (size_t i = 0; i < c->n_bss; i++)
		if (!strcmp(c->bss[i].name, name))
			return &c->bss[i];
	return NULL;
}

static bool is_ft(const struct fsrd_bss_conf *bc)
{
	return bc->security == FSRD_SEC_FT_PSK ||
	       bc->security == FSRD_SEC_FT_EAP;
}

/* The settings every FT BSS takes from [global]. */
static bool ft_global_same(const struct fsrd_conf *a,
			   const struct fsrd_conf *b)
{
	return a->mdid == b->mdid && a->have_mdid == b->have_mdid &&
	       a->r0kh_id_len == b->r0kh_id_len &&
	       !memcmp(a->r0kh_id, b->r0kh_id, a->r0kh_id_len) &&
	       a->r0_key_lifetime_s == b->r0_key_lifetime_s &&
	       a->kernel_fast_path == b->kernel_fast_path;
}

/* Has b a portal BSS on ifname? */
static bool portal_on(const struct fsrd_conf *c, const char *ifname)
{
	size_t i;

	for (i = 0; i < c->n_bss; i++)
		if (c->bss[i].portal && !strcmp(c->bss[i].ifname, ifname))
			return true;
	return false;
}

/* The interfaces with portal = yes are the same (the nftables chains). */
static bool portal_bss_same(const struct fsrd_conf *a,
			    const struct fsrd_conf *b)
{
	size_t i;

	for (i = 0; i < a->n_bss; i++)
		if (a->bss[i].portal && !portal_on(b, a->bss[i].ifname))
			return false;
	for (i = 0; i < b->n_bss; i++)
		if (b->bss[i].portal && !portal_on(a, b->bss[i].ifname))
			return false;
	return true;
}

/* [nmsp] but for its auth list, which is taken live (fsrctl nmsp
 * authlist writes those lines while fsrd runs) */
static bool nmsp_same(const struct nmsp_svc_conf *a,
		      const struct nmsp_svc_conf *b)
{
	struct nmsp_svc_conf x = *a, y = *b;

	memset(&x.auth, 0, sizeof(x.auth));
	memset(&y.auth, 0, sizeof(y.auth));
	return !memcmp(&x, &y, sizeof(x));
}

/* The auth list of the file in force, peers it no longer lets in
 * closed. */
static void nmsp_auth_reload(const struct fsrd_conf *c)
{
	const struct nmsp_auth_list *now = nmsp_svc_auth();

	if (!c->have_nmsp || !nmsp_svc_running())
		return;
	if (now->n == c->nmsp.auth.n &&
	    !memcmp(now->e, c->nmsp.auth.e, now->n * sizeof(now->e[0])))
		return;
	log_info("nmsp: auth list: %zu entr%s from %s", c->nmsp.auth.n,
		 c->nmsp.auth.n == 1 ? "y" : "ies", c->path);
	nmsp_svc_auth_set(&c->nmsp.auth);
}

/*
 * What a running fsrd cannot take over: the control socket it listens on,
 * the size of a PMKSA cache that holds keys, the Portal service's
 * settings and which BSSes use it (its sessions and nftables chains),
 * and the location-server link's but for its auth list. Refused with the reason;
 * the running configuration stays. (RADIUS servers and the other eap_*
 * settings are taken live: radius_svc.h, sta_eap.h.)
 */
static const char *not_live(const struct fsrd_conf *a,
			    const struct fsrd_conf *b)
{
	if (strcmp(a->ctrl_socket, b->ctrl_socket))
		return "control_socket changed (takes effect at the next start)";
	if (!keys_pmksa_max_live(b->eap.pmksa_max))
		return "pmksa_max_entries changed (takes effect at the next start)";
	if (a->have_portal != b->have_portal ||
	    memcmp(&a->portal, &b->portal, sizeof(a->portal)))
		return "the [portal] or [portal_server] sections changed (take effect at the next start)";
	if (a->have_nmsp != b->have_nmsp || !nmsp_same(&a->nmsp, &b->nmsp))
		return "the [nmsp] section changed other than its auth lines (takes effect at the next start)";
	if (!portal_bss_same(a, b))
		return "the BSSes with portal = yes changed (take effect at the next start)";
	return NULL;
}

/* The daemon-wide services take the new file before any BSS changes: a
 * failure (a socket, a bind) refuses the reload with nothing changed but
 * what the service put back itself. A service that is no longer needed
 * (no RADIUS section left) stops after the BSSes that used it. */
static int services_apply(const struct fsrd_conf *nc, char *err,
			  size_t errlen)
{
	int e;

	e = keys_apply(nc, err, errlen);
	if (!e && nc->have_radius)
		e = radius_svc_apply(nc, err, errlen);
	return e;
}

/* A PSK changed: the PMK-R0s made with the old one (this SSID, FT-PSK)
 * are revoked with their PMK-R1s in fsr.ko, wherever the station is. */
struct psk_victims {
	struct ft_scope scope;
	uint8_t (*spa)[6];
	size_t n, cap;
};

static void collect(const uint8_t *spa, const struct fsr_ft_pmk_r0 *r0,
		    const struct ft_scope *scope, uint32_t lifetime_s,
		    void *arg)
{
	struct psk_victims *v = arg;
	uint8_t (*p)[6];

	(void)r0;
	(void)lifetime_s;
	if (!ft_scope_eq(scope, &v->scope))
		return;
	if (v->n == v->cap) {
		size_t cap = v->cap ? 2 * v->cap : 16;

		p = realloc(v->spa, cap * sizeof(*p));
		if (!p)
			return;	/* the PMK-R0 expires with its lifetime */
		v->spa = p;
		v->cap = cap;
	}
	memcpy(v->spa[v->n++], spa, 6);
}

static void revoke_psk(const struct fsrd_bss *b)
{
	struct psk_victims v = { 0 };

	bss_ft_scope(b, &v.scope);
	ft_store_foreach(collect, &v);
	for (size_t i = 0; i < v.n; i++)
		keys_revoke_sta(NULL, v.spa[i],
				"the BSS's passphrase changed (reload)", NULL);
	free(v.spa);
}

int fsrd_reload(struct fsrd_conf *cur, int debug)
{
	struct fsrd_conf nc, old;
	struct fsrd_bss *keep[FSRD_MAX_BSS], *all[FSRD_MAX_BSS], *b;
	const struct fsrd_bss_conf *nb;
	size_t n_keep = 0, n_all = 0, started = 0, stopped = 0;
	bool ft_same;
	unsigned int i;
	char err[512];
	const char *why;
	int level;

	memset(&nc, 0, sizeof(nc));
	if (fsrd_conf_load(cur->path, &nc, err, sizeof(err))) {
		log_err("reload refused: %s; the running configuration stays",
			err);
		return -EINVAL;
	}
	why = not_live(cur, &nc);
	if (why) {
		log_err("reload refused: %s: %s; the running configuration stays",
			cur->path, why);
		fsrd_conf_free(&nc);
		return -EBUSY;
	}
	if (services_apply(&nc, err, sizeof(err))) {
		log_err("reload refused: %s; the running configuration stays",
			err);
		fsrd_conf_free(&nc);
		return -EBUSY;
	}
	ft_same = ft_global_same(cur, &nc);

	/* 1. stop what went or changed, while its old settings are valid
	 * (a snapshot first: stopping changes the registry) */
	i = 0;
	while (n_all < FSRD_MAX_BSS && (b = bss_next(&i)))
		all[n_all++] = b;
	for (size_t k = 0; k < n_all; k++) {
		b = all[k];
		nb = find_section(&nc, b->conf->name);
		if (nb && bss_same(b->conf, nb) &&
		    (ft_same || !is_ft(b->conf))) {
			keep[n_keep++] = b;
			continue;
		}
		log_info("reload: bss %s: %s", b->conf->name,
			 !nb ? "removed from the configuration" :
			 "its settings changed: restarting it");
		if (nb && b->conf->have_psk &&
		    (!nb->have_psk || memcmp(b->conf->psk, nb->psk, 32)) &&
		    is_ft(b->conf))
			revoke_psk(b);
		bss_stop_why(b, !nb ? "BSS removed by a reload" :
				"BSS settings changed by a reload");
		free(b);
		stopped++;
	}

	/* 2. the new settings in place: same struct, new contents */
	old = *cur;
	*cur = nc;
	for (size_t k = 0; k < n_keep; k++)
		bss_conf_moved(keep[k], find_section(cur, keep[k]->conf->name));
	fsrd_conf_free(&old);
	if (!cur->have_radius)	/* the BSSes that used it are gone */
		radius_svc_apply(cur, err, sizeof(err));
	/* the eap_* settings: this fails only without memory for a new
	 * limit table, and then changes nothing */
	if (sta_eap_configure(cur, err, sizeof(err)))
		log_err("reload: %s; the 802.1X settings stay as they were",
			err);
	level = (int)cur->log_level + debug;
	fsrd_log_set_level(level > FSRD_LOG_DEBUG ? FSRD_LOG_DEBUG :
			   (enum fsrd_log_level)level);
	if (cur->kernel_fast_path)
		fastpath_init();	/* no-op when already following */
	nmsp_auth_reload(cur);

	/* 3. start what is new or changed */
	for (size_t k = 0; k < cur->n_bss; k++) {
		const struct fsrd_bss_conf *bc = &cur->bss[k];
		bool running = false;

		for (size_t j = 0; j < n_keep; j++)
			running |= keep[j]->conf == bc;
		if (running)
			continue;
		b = calloc(1, sizeof(*b));
		if (!b) {
			log_err("reload: bss %s: out of memory", bc->name);
			continue;
		}
		b->eapol_fd = -1;
		if (bss_start(b, cur, bc)) {
			log_err("reload: bss %s did not start (see above); the others run",
				bc->name);
			free(b);
			continue;
		}
		started++;
	}
	log_info("configuration reloaded from %s: %zu BSS kept, %zu stopped, %zu started",
		 cur->path, n_keep, stopped, started);
	return 0;
}

// SPDX-License-Identifier: GPL-2.0-only
/* fsr.ko's FT fast path: attach, configure, adopt (see fastpath.h). */
#include <errno.h>
#include <fcntl.h>
#include <libmnl/libmnl.h>
#include <linux/fsr.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "ap/resync.h"
#include "drv/fastpath.h"
#include "drv/fastpath_msg.h"
#include "drv/kmod_watch.h"
#include "fsr_names.h"
#include "fsr_nl.h"
#include "keys/ft_store.h"
#include "keys/r1_store.h"
#include "core/ieee80211.h"
#include "core/log.h"
#include "drv/nl80211.h"
#include "eap/sta_eap.h"
#include "nmsp/nmsp_svc.h"
#include "portal/portal_svc.h"
#include "core/trace.h"
#include "drv/fsr_cmd.h"

/* Room for the events of a few thousand roams while fsrd is stopped. */
#define EVENTS_RCVBUF	(4 << 20)

static struct fsr_nl ev_nl;		/* the "events" subscription */
static bool ev_open;
static unsigned int n_attached;
static bool missing_logged;

/* One request on the command socket (the event socket must not see
 * replies, nor a request lose its events). */
static int request(uint8_t cmd, int ifindex, const struct fastpath_cfg *cfg,
		   char *err, size_t errlen)
{
	char buf[FSR_NL_SNDBUF];
	struct nlmsghdr *req;
	struct fsr_nlerr e;
	struct fsr_nl *nl;
	int ret;

	err[0] = '\0';
	ret = fsr_cmd_get(&nl, &e);
	if (ret)
		return ret;
	req = fsr_nl_request(nl, buf, cmd);
	if (cfg)
		ret = fastpath_put_bss_set(req, sizeof(buf), ifindex, cfg);
	else if (!mnl_attr_put_u32_check(req, sizeof(buf), FSR_A_IFINDEX,
					 (uint32_t)ifindex))
		ret = -ENOSPC;
	if (!ret) {
		ret = fsr_nl_do(nl, req, NULL, NULL, &e);
		if (ret)
			fsr_nlerr_format(&e, err, errlen);
		fsr_cmd_done(ret);
	}
	/* a BSS_SET request may hold the GTK */
	explicit_bzero(buf, sizeof(buf));
	return ret;
}

static const char *errstr(int ret, const char *err)
{
	return err[0] ? err : strerror(-ret);
}

/* A station the kernel holds but fsrd cannot follow is removed. */
static void kick(struct fsrd_bss *b, const uint8_t *addr, const char *why)
{
	char line[160];

	snprintf(line, sizeof(line),
		 "FT roam served by the kernel, not adopted: %s: deauthenticating",
		 why);
	bss_kick(b, addr, line);
}

/* The PTK from a received PMK-R1 of the event's R0KH-ID and names;
 * 0, or a negative errno (none such). */
static int adopt_received(const struct fsrd_bss *b,
			  const struct fastpath_event *ev,
			  struct fsr_ft_ptk *ptk)
{
	struct r1_entry e;
	int err;

	err = r1_store_get(ev->sta, b->ft.r1kh_id, ev->pmk_r1_name, &e);
	if (!err && (e.r0kh_id_len != ev->r0kh_id_len ||
		     memcmp(e.r0kh_id, ev->r0kh_id, e.r0kh_id_len) ||
		     memcmp(e.pmk_r0_name, ev->pmk_r0_name, FSR_FT_NAME_LEN)))
		err = -EKEYREJECTED;
	if (!err)
		err = fastpath_adopt_keys_r1(&e.r1, b->conf->pairwise_cipher,
					     b->addr, ev, ptk);
	explicit_bzero(&e, sizeof(e));
	return err;
}

static void adopt(const struct fastpath_event *ev)
{
	struct fsrd_bss *b = bss_by_ifindex((int)ev->ifindex);
	unsigned long long us = (unsigned long long)(ev->service_ns / 1000);
	const struct fsrd_conf *c;
	struct fsr_ft_pmk_r0 r0;
	struct ft_scope scope;
	struct fsr_ft_ptk ptk;
	struct fsrd_sta *sta;
	uint8_t old[6];
	bool from_here;
	uint32_t ms;
	int err;

	/* not one of ours: another daemon's BSS */
	if (!b || !(ev->have & FP_HAVE_STA))
		return;
	c = b->gconf;
	if ((ev->have & FP_HAVE_ADOPT) != FP_HAVE_ADOPT) {
		kick(b, ev->sta, "the event lacks attributes");
		return;
	}
	/* events wait in the socket while fsrd is busy or stopped: the
	 * station may have left, or roamed on, since */
	err = nl80211_get_inactive_ms(b->ifindex, ev->sta, &ms);
	if (err == -ENOENT) {
		trace_sta(b, ev->sta, TRACE_EV_FT_KERNEL,
			  "FT roam served by the kernel in %llu us; the station has left since: nothing to adopt",
			  us);
		return;
	}
	if (ev->akm != fsrd_sec_ft_akm(b->conf->security)) {
		kick(b, ev->sta, "AKM is not the BSS's FT AKM");
		return;
	}
	if (ev->pairwise != b->conf->pairwise_cipher) {
		kick(b, ev->sta, "pairwise cipher is not the BSS's");
		return;
	}
	if (ev->r0kh_id_len != c->r0kh_id_len ||
	    memcmp(ev->r0kh_id, c->r0kh_id, c->r0kh_id_len)) {
		/* a key another host's R0KH pushed (mobility/) */
		if (!adopt_received(b, ev, &ptk))
			goto keys;
		kick(b, ev->sta, "R0KH-ID is not this fsrd's and no PMK-R1 was received from it");
		return;
	}
	bss_ft_scope(b, &scope);
	err = ft_store_get(ev->sta, ev->pmk_r0_name, &scope, &r0);
	if (err) {
		kick(b, ev->sta, err == -EACCES ?
			"its PMK-R0 was made for another SSID or AKM" :
			"no PMK-R0 for its PMKR0Name");
		return;
	}
	err = fastpath_adopt_keys(&r0, b->conf->pairwise_cipher,
				  b->ft.r1kh_id, b->addr, ev, &ptk);
	explicit_bzero(&r0, sizeof(r0));
	if (err) {
		kick(b, ev->sta, err == -EKEYREJECTED ?
			"PMKR1Name is not the one fsrd derives" :
			"key derivation failed");
		return;
	}

keys:
	sta = sta_find(&b->stas, ev->sta);
	if (sta) {
		/* an older record (e.g. an FT Authentication fsrd served):
		 * the kernel replaced the station, no DEL_STATION here */
		sta_wpa_stop(sta);
		sta_aid_free(&b->stas, sta->aid);
		sta->aid = 0;
		explicit_bzero(&sta->ft, sizeof(sta->ft));
		sta->assoc_resp_len = 0;
		sta->assoc_req_hash = 0;
		sta->probed = false;
	} else {
		sta = sta_add(&b->stas, ev->sta);
		if (!sta) {
			explicit_bzero(&ptk, sizeof(ptk));
			kick(b, ev->sta, "out of memory");
			return;
		}
		sta->bss = b;
	}
	if (!sta_aid_take(&b->stas, ev->aid))
		log_warn("%s: AID %u of a kernel-served station is taken in fsrd's table",
			 b->conf->ifname, ev->aid);
	sta->aid = ev->aid;
	sta->state = FSRD_STA_ASSOC;
	sta->in_kernel = true;
	sta->akm = ev->akm;
	sta->pairwise = ev->pairwise;
	sta->since_ms = ev_now_ms();
	sta->roamed_ft = true;
	sta->served_by_kernel = true;
	sta->wpa = wpa_auth_sta_new_ft(&b->wconf, sta->addr, ev->akm,
				       ptk.kck, ptk.kck_len, ptk.kek,
				       ptk.kek_len, 0);
	explicit_bzero(&ptk, sizeof(ptk));
	if (!sta->wpa) {
		sta_drop(sta, WLAN_REASON_UNSPECIFIED, true,
			 "FT roam served by the kernel, not adopted: out of memory");
		return;
	}
	sta->authorized = true;
	fsrd_auth_stats()->ft_roam_kernel++;
	sta_eap_ft_roamed(sta);
	/* a Portal session kept here, or a peer AP's, goes on */
	portal_svc_sta_authorized(sta);
	/* where from, before its record there goes (or from the note its
	 * DEL_STATION left when that came first): the kernel's event has no
	 * Current AP Address (a roam from another host is told as an
	 * association) */
	from_here = bss_assoc_elsewhere(b, sta->addr, old) ||
		    bss_moved_from(sta->addr, old);
	bss_forget_served_elsewhere(b, sta->addr);
	nmsp_svc_station_event(from_here ? NMSP_EV_ROAM : NMSP_EV_ASSOC,
			       sta->addr, b->addr, from_here ? old : NULL);
	trace_sta(b, sta->addr, TRACE_EV_FT_KERNEL,
		  "FT roam served by the kernel in %llu us: adopted, AID %u",
		  us, sta->aid);
	if (ev->gtk_idx != b->group.key_idx)
		bss_give_current_gtk(b, sta, ev->gtk_idx, "the kernel");
}

static void sta_ntf(const struct fastpath_event *ev)
{
	struct fsrd_bss *b = bss_by_ifindex((int)ev->ifindex);
	const char *why = fsr_why_name(ev->why);

	if (ev->event == FSR_EVENT_FT_STA_SERVED) {
		adopt(ev);
		return;
	}
	if (!b || !(ev->have & FP_HAVE_STA))
		return;
	switch (ev->event) {
	case FSR_EVENT_FT_AUTH_SERVED:
		trace_sta_log(FSRD_LOG_DEBUG, b, ev->sta, TRACE_EV_FT_KERNEL,
			      "FT Authentication served by the kernel in %llu us",
			      (unsigned long long)(ev->service_ns / 1000));
		break;
	case FSR_EVENT_FT_REFUSED:
		trace_sta(b, ev->sta, TRACE_EV_FT_REFUSED,
			  "the kernel refused an FT frame with status %u (%s)",
			  ev->status, why ? why : "?");
		break;
	case FSR_EVENT_FT_PASSED:
		/* a Reassociation after an FT Authentication fsrd served is
		 * passed too: not news */
		trace_sta_log(ev->why == FSR_WHY_NO_PENDING ? FSRD_LOG_DEBUG :
			      FSRD_LOG_INFO, b, ev->sta, TRACE_EV_INFO,
			      "the kernel passed an FT frame to fsrd (%s)",
			      why ? why : "?");
		break;
	}
}

static void bss_ntf(const struct fastpath_event *ev)
{
	struct fsrd_bss *b = bss_by_ifindex((int)ev->ifindex);
	const char *r = fsr_reason_name(ev->reason);

	if (!b || ev->event != FSR_EVENT_BSS_DETACHED || !b->fp_attached)
		return;
	/* not our own detach: that clears fp_attached first */
	b->fp_attached = false;
	b->fp_enabled = false;
	n_attached--;
	log_warn("%s: fsr.ko detached the BSS (%s): FT roams are served in userspace",
		 b->conf->ifname, r ? r : "?");
}

static int on_event(const struct nlmsghdr *nlh, void *data)
{
	struct fastpath_event ev;

	(void)data;
	if (fastpath_parse_event(nlh, &ev)) {
		log_warn("fsr.ko: malformed event ignored");
		return 0;
	}
	if (ev.cmd == FSR_CMD_STA_NTF)
		sta_ntf(&ev);
	else if (ev.cmd == FSR_CMD_BSS_NTF)
		bss_ntf(&ev);
	return 0;
}

/*
 * Events were lost: compare each attached BSS with the kernel. Stations
 * the kernel holds that fsrd never adopted cannot be adopted any more (the
 * nonces went with the lost event): they are removed and reconnect; fsrd's
 * records of stations the kernel no longer holds go.
 */
static void events_input(int fd, void *arg)
{
	unsigned int i = 0;
	bool lost = false;
	struct fsrd_bss *b;
	int ret;

	(void)fd;
	(void)arg;
	for (;;) {
		ret = fsr_nl_recv_events(&ev_nl, on_event, NULL);
		if (ret == -EAGAIN || ret == -EWOULDBLOCK)
			break;
		if (ret == -ENOBUFS) {
			lost = true;
			continue;
		}
		if (ret == -EINTR || !ret)
			continue;
		log_err("fsr.ko events: %s", strerror(-ret));
		break;
	}
	if (!lost)
		return;
	log_warn("fsr.ko events were lost: resynchronising the stations with the kernel");
	while ((b = bss_next(&i)))
		if (b->fp_attached)
			bss_resync(b, "fsr.ko events were lost");
}

static int events_open(void)
{
	struct fsr_nlerr e;
	int fd, size = EVENTS_RCVBUF, ret;

	if (ev_open)
		return 0;
	ret = fsr_nl_open(&ev_nl, &e);
	if (ret)
		return ret;
	ret = fsr_nl_subscribe(&ev_nl, &e);
	if (ret)
		goto fail;
	fd = fsr_nl_fd(&ev_nl);
	/* root may go past rmem_max; otherwise the default size */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0) {
		ret = -errno;
		goto fail;
	}
	ret = ev_add_fd(fd, events_input, NULL);
	if (ret)
		goto fail;
	ev_open = true;
	return 0;
fail:
	fsr_nl_close(&ev_nl);
	return ret;
}

static void events_close(void)
{
	if (!ev_open)
		return;
	ev_del_fd(fsr_nl_fd(&ev_nl));
	fsr_nl_close(&ev_nl);
	ev_open = false;
}

/* What the kernel answered to an FT_DS_REQUEST (ds_reply). */
struct ds_answer {
	uint8_t *resp;
	size_t size;
	size_t len;
	bool replied;
	bool served;
	uint8_t why;
};

static int ds_reply(const struct nlmsghdr *nlh, void *data)
{
	struct ds_answer *a = data;
	struct fastpath_ds_reply r;

	if (fastpath_parse_ds_reply(nlh, &r))
		return -EBADMSG;
	if (r.served) {
		if (r.ies_len > a->size)
			return -EMSGSIZE;
		memcpy(a->resp, r.ies, r.ies_len);
		a->len = r.ies_len;
	}
	a->replied = true;
	a->served = r.served;
	a->why = r.why;
	return 0;
}

int fastpath_ft_ds(struct fsrd_bss *b, const uint8_t *sta,
		   const uint8_t *ies, size_t len, uint8_t *resp,
		   size_t size, size_t *resp_len, const char **why)
{
	struct ds_answer a = { .resp = resp, .size = size };
	char buf[FSR_NL_SNDBUF];
	struct nlmsghdr *req;
	struct fsr_nlerr e;
	struct fsr_nl *nl;
	int ret;

	*why = NULL;
	if (!b->fp_enabled)
		return -ENODEV;
	ret = fsr_cmd_get(&nl, &e);
	if (ret)
		return ret;
	req = fsr_nl_request(nl, buf, FSR_CMD_FT_DS_REQUEST);
	ret = fastpath_put_ds_request(req, sizeof(buf), b->ifindex, sta, ies,
				      len);
	if (!ret) {
		ret = fsr_nl_do(nl, req, ds_reply, &a, &e);
		fsr_cmd_done(ret);
	}
	if (!ret && !a.replied)
		ret = -EBADMSG;
	if (ret)
		return ret;
	if (!a.served) {
		*why = fsr_why_name(a.why);
		if (!*why)
			*why = "?";
		return 1;
	}
	*resp_len = a.len;
	return 0;
}

static void fill_gtk(const struct fsrd_bss *b, struct fastpath_cfg *cfg)
{
	cfg->enable = true;
	cfg->gtk = b->group.gtk;
	cfg->gtk_len = b->group.gtk_len;
	cfg->gtk_idx = b->group.key_idx;
}

static int configure(struct fsrd_bss *b, char *err, size_t errlen)
{
	uint8_t head[64], tail[128];
	struct fastpath_cfg cfg = {
		.mde = b->ies.mde,
		.r1kh_id = b->ft.r1kh_id,
		.rsne = b->ies.rsne,
		.rsne_len = b->ies.rsne_len,
		.capab = b->ies.capab,
		.head = head,
		.tail = tail,
		.aid_min = b->fp_aid_min,
		.aid_max = b->fp_aid_max,
		.deadline_ms =
			fastpath_deadline_ms(b->conf->reassoc_deadline_tu),
	};
	int hl, tl;

	hl = fsrd_build_rates(&b->ies, head, sizeof(head));
	tl = fsrd_build_resp_tail(&b->ies, tail, sizeof(tail));
	if (hl < 0 || tl < 0)
		return -ENOSPC;
	cfg.head_len = (size_t)hl;
	cfg.tail_len = (size_t)tl;
	fill_gtk(b, &cfg);
	return request(FSR_CMD_BSS_SET, b->ifindex, &cfg, err, errlen);
}

void fastpath_bss_start(struct fsrd_bss *b)
{
	char err[256];
	int ret;

	if (!b->wconf.ft || !b->gconf->kernel_fast_path || b->fp_attached)
		return;
	if (!fastpath_aid_pool(b->conf->max_stations, &b->fp_aid_min,
			       &b->fp_aid_max)) {
		log_warn("%s: max_stations %u leaves no AID for fsr.ko: FT roams are served in userspace",
			 b->conf->ifname, b->conf->max_stations);
		return;
	}
	/* subscribe before the kernel may serve anything */
	ret = events_open();
	if (ret == -ENOENT) {
		if (!missing_logged)
			log_info("fsr.ko is not loaded: FT roams are served in userspace");
		missing_logged = true;
		return;
	}
	if (ret) {
		log_warn("%s: fsr.ko events unavailable (%s): FT roams are served in userspace",
			 b->conf->ifname, strerror(-ret));
		return;
	}
	ret = request(FSR_CMD_BSS_ATTACH, b->ifindex, NULL, err, sizeof(err));
	if (ret && ret != -EEXIST) {	/* EEXIST: a previous fsrd's */
		log_warn("%s: fsr.ko cannot attach the BSS (%s): FT roams are served in userspace",
			 b->conf->ifname, errstr(ret, err));
		goto close;
	}
	b->fp_attached = true;
	n_attached++;
	ret = configure(b, err, sizeof(err));
	if (ret) {
		log_warn("%s: fsr.ko refused the fast-path configuration (%s): FT roams are served in userspace",
			 b->conf->ifname, errstr(ret, err));
		fastpath_bss_stop(b);
		return;
	}
	b->fp_enabled = true;
	log_info("%s: FT fast path of fsr.ko enabled: AIDs %u-%u, reassociation deadline %u ms",
		 b->conf->ifname, b->fp_aid_min, b->fp_aid_max,
		 fastpath_deadline_ms(b->conf->reassoc_deadline_tu));
	return;
close:
	if (!n_attached)
		events_close();
}

void fastpath_bss_gtk(struct fsrd_bss *b)
{
	struct fastpath_cfg cfg = { 0 };
	char err[256];
	int ret;

	if (!b->fp_enabled)
		return;
	fill_gtk(b, &cfg);
	ret = request(FSR_CMD_BSS_SET, b->ifindex, &cfg, err, sizeof(err));
	if (ret)
		log_err("%s: the new GTK could not be given to fsr.ko (%s): its roams get the old one until fsrd sends the new",
			b->conf->ifname, errstr(ret, err));
	else
		log_dbg("%s: GTK %u given to fsr.ko", b->conf->ifname,
			b->group.key_idx);
}

void fastpath_bss_pause(struct fsrd_bss *b)
{
	struct fastpath_cfg cfg = { .enable = false };
	char err[256];
	int ret;

	if (!b->fp_enabled)
		return;
	ret = request(FSR_CMD_BSS_SET, b->ifindex, &cfg, err, sizeof(err));
	if (ret)
		log_warn("%s: fsr.ko: fast path not paused (%s)",
			 b->conf->ifname, errstr(ret, err));
}

void fastpath_bss_stop(struct fsrd_bss *b)
{
	char err[256];
	int ret;

	if (!b->fp_attached)
		return;
	b->fp_attached = false;
	b->fp_enabled = false;
	ret = request(FSR_CMD_BSS_DETACH, b->ifindex, NULL, err, sizeof(err));
	if (ret && ret != -ENOENT && ret != -ENODEV)
		log_warn("%s: fsr.ko: BSS_DETACH failed: %s", b->conf->ifname,
			 errstr(ret, err));
	else
		log_info("%s: FT fast path of fsr.ko disabled",
			 b->conf->ifname);
	if (n_attached && !--n_attached)
		events_close();
}

/*
 * fsr.ko went away: nothing is attached any more (its BSS table and PMK-R1
 * cache went with it) and fsrd serves every roam. It came (back): attach
 * and configure every FT BSS again, and give it the PMK-R1s of the
 * stations fsrd holds PMK-R0s for, so that their next roams are served in
 * the kernel again, with no restart of fsrd.
 */
static void module_changed(bool loaded)
{
	unsigned int i = 0;
	struct fsrd_bss *b;

	if (!loaded) {
		log_warn("fsr.ko was unloaded: every FT roam is served in userspace");
		while ((b = bss_next(&i))) {
			b->fp_attached = false;
			b->fp_enabled = false;
		}
		n_attached = 0;
		events_close();
		fsr_cmd_close();
		missing_logged = true;
		return;
	}
	log_info("fsr.ko was loaded: attaching the FT BSSes again");
	missing_logged = false;
	while ((b = bss_next(&i)))
		fastpath_bss_start(b);
	if (n_attached)
		bss_push_all_pmk_r1();
}

int fastpath_init(void)
{
	int err = kmod_watch_start(module_changed);

	if (err)
		log_warn("cannot follow fsr.ko being loaded and unloaded (%s): a restart of fsrd is needed after either",
			 strerror(-err));
	return err;
}

void fastpath_exit(void)
{
	kmod_watch_stop();
	fsr_cmd_close();
}

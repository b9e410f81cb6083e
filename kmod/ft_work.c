// SPDX-License-Identifier: GPL-2.0
/* Copyright (C) 2026 The fsr authors. */
/*
 * The FT fast path's process-context half: the Reassociation jobs the
 * receive hook (rx.c) queued, served from the exchange an FT
 * Authentication answered in the hook (ft_auth.c) left behind
 * (docs/architecture.md, "FT fast path").
 *
 * Jobs run on an unbound high-priority workqueue, one work item each, so
 * roams of different stations run in parallel; the exchanges of one
 * station are serialised by its pending entry's mutex. Here, and only
 * here, fsr sleeps: mac80211's station and key
 * operations (wiphy mutex) and GFP_KERNEL allocations. Nothing holds a
 * global lock on the way from a request to its response.
 */

#include "ft.h"
#include "bss.h"
#include "main.h"
#include "netlink.h"
#include "pmk_cache.h"
#include "ft/ft_crypto.h"
#include "ft/ft_ie.h"
#include "ft/ft_kdf.h"
#include "ft/ft_mic.h"

#include <linux/bitmap.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/ieee80211.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <net/cfg80211.h>
#include <net/mac80211.h>

static struct workqueue_struct *fsr_ft_wq;

static void fsr_ft_work(struct work_struct *work);

struct fsr_ft_job *fsr_ft_job_alloc(struct fsr_bss *bss)
{
	struct fsr_ft_job *job;

	if (atomic_inc_return(&bss->queued) > FSR_FT_QUEUE_MAX) {
		atomic_dec(&bss->queued);
		return ERR_PTR(-ENOSPC);
	}
	job = kzalloc(sizeof(*job), GFP_ATOMIC);
	if (!job) {
		atomic_dec(&bss->queued);
		return ERR_PTR(-ENOMEM);
	}
	if (!refcount_inc_not_zero(&bss->ref)) {
		atomic_dec(&bss->queued);
		kfree(job);
		return ERR_PTR(-ENODEV);
	}
	job->bss = bss;
	INIT_WORK(&job->work, fsr_ft_work);
	return job;
}

bool fsr_ft_queue_work(struct work_struct *work)
{
	return queue_work(fsr_ft_wq, work);
}

bool fsr_ft_queue_dwork(struct delayed_work *dw, unsigned long delay)
{
	return queue_delayed_work(fsr_ft_wq, dw, delay);
}

bool fsr_ft_mod_dwork(struct delayed_work *dw, unsigned long delay)
{
	return mod_delayed_work(fsr_ft_wq, dw, delay);
}

void fsr_ft_job_queue(struct fsr_ft_job *job, struct sk_buff *skb,
		      ktime_t t0)
{
	job->skb = skb;
	job->t0 = t0;
	fsr_bss_count_stat(job->bss, FSR_STAT_JOBS_QUEUED);
	queue_work(fsr_ft_wq, &job->work);
}

void fsr_ft_job_free(struct fsr_ft_job *job)
{
	kfree_skb(job->skb);
	if (job->pend) {
		/* The exchange may take another Reassociation job now. */
		atomic_set(&job->pend->queued, 0);
		fsr_ft_pend_put(job->pend);
	}
	atomic_dec(&job->bss->queued);
	fsr_bss_put(job->bss);
	kfree_sensitive(job);
}

/* A bare Reassociation Response with an error status. Any context. */
static int fsr_ft_tx_reassoc_status(struct ieee80211_vif *vif,
				    const u8 *bssid, const u8 *sta,
				    u16 capab, u16 status)
{
	u8 buf[FSR_RESP_BODY];
	struct ieee80211_mgmt *m = (void *)buf;

	fsr_ft_put_hdr(buf, IEEE80211_STYPE_REASSOC_RESP, sta, bssid);
	m->u.reassoc_resp.capab_info = cpu_to_le16(capab);
	m->u.reassoc_resp.status_code = cpu_to_le16(status);
	m->u.reassoc_resp.aid = 0;
	return ieee80211_mgmt_offload_tx(vif, buf, sizeof(buf));
}

/* Public copies of the configuration the workers need, read under RCU. */
struct fsr_ft_snap {
	struct fsr_ft_public pub;
	u8 gtk_len;
	u8 gtk[FSR_FT_GTK_MAX];
};

static bool fsr_ft_snapshot(struct fsr_bss *bss, struct fsr_ft_snap *s)
{
	const struct fsr_ft_conf *conf;
	bool ok = false;

	rcu_read_lock();
	conf = rcu_dereference(bss->ft);
	if (conf && conf->pub.ready) {
		s->pub = conf->pub;
		s->gtk_len = conf->gtk_len;
		memcpy(s->gtk, conf->gtk, sizeof(s->gtk));
		ok = true;
	}
	rcu_read_unlock();
	return ok;
}

/* AIDs in use on the hardware (every interface; AIDs are small). */
static void fsr_ft_aid_iter(void *data, struct ieee80211_sta *sta)
{
	unsigned long *used = data;

	if (sta->aid <= FSR_FT_AID_LIMIT)
		__set_bit(sta->aid, used);
}

u16 fsr_ft_pick_aid(struct ieee80211_hw *hw, u16 min, u16 max)
{
	DECLARE_BITMAP(used, FSR_FT_AID_LIMIT + 1);
	unsigned long aid;

	if (!min || min > max || max > FSR_FT_AID_LIMIT)
		return 0;
	bitmap_zero(used, FSR_FT_AID_LIMIT + 1);
	ieee80211_iterate_stations_atomic(hw, fsr_ft_aid_iter, used);
	aid = find_next_zero_bit(used, max + 1, min);
	return aid > max ? 0 : aid;
}

/*
 * The group key @idx's current transmit sequence as an RSC, read as
 * NL80211_CMD_GET_KEY reads it (the driver's counter for hardware keys,
 * mac80211's otherwise); 0 when no such key is installed.
 */
static void fsr_ft_gtk_rsc(struct ieee80211_vif *vif, u8 idx, u8 *rsc)
{
	int len;

	memset(rsc, 0, FSR_FT_RSC_LEN);
	len = ieee80211_mgmt_offload_get_key_seq(vif, idx, rsc, FSR_FT_RSC_LEN);
	if (len < 0)
		memset(rsc, 0, FSR_FT_RSC_LEN);
}

/* Find element @eid in a well-formed list; the whole element or NULL. */
static const u8 *fsr_ft_find_ie(const u8 *ies, size_t len, u8 eid,
				size_t *elen)
{
	size_t pos = 0;

	while (len - pos >= 2 && (size_t)ies[pos + 1] + 2 <= len - pos) {
		if (ies[pos] == eid) {
			*elen = ies[pos + 1] + 2;
			return ies + pos;
		}
		pos += ies[pos + 1] + 2;
	}
	return NULL;
}

/* WMM information or parameter element of a request: QoS info or -1. */
static int fsr_ft_wmm_qos_info(const u8 *ies, size_t len)
{
	static const u8 wmm[] = { 0x00, 0x50, 0xf2, WLAN_OUI_TYPE_MICROSOFT_WMM };
	size_t pos = 0;

	while (len - pos >= 2 && (size_t)ies[pos + 1] + 2 <= len - pos) {
		const u8 *e = ies + pos;

		if (e[0] == WLAN_EID_VENDOR_SPECIFIC && e[1] >= 7 &&
		    !memcmp(e + 2, wmm, sizeof(wmm)) && e[6] <= 1)
			return e[8];
		pos += e[1] + 2;
	}
	return -1;
}

/* Station parameters from a Reassociation Request. */
struct fsr_ft_sta {
	struct station_parameters params;
	u8 rates[FSR_RATES_MAX];
	struct ieee80211_ht_cap ht;
	struct ieee80211_vht_cap vht;
	u8 he[FSR_HE_CAP_MAX];
	u8 eht[FSR_EHT_CAP_MAX];
	struct ieee80211_he_6ghz_capa he_6ghz;
};

/* The shared parser's bounds are nl80211's, which mac80211 is built for. */
static_assert(FSR_HE_CAP_MAX == NL80211_HE_MAX_CAPABILITY_LEN);
static_assert(FSR_EHT_CAP_MAX == NL80211_EHT_MAX_CAPABILITY_LEN);
static_assert(sizeof(struct ieee80211_he_6ghz_capa) == FSR_HE_6GHZ_CAP_LEN);

/*
 * HE, EHT and HE 6 GHz capabilities, as hostapd passes them: only when
 * this BSS runs HE (EHT) itself, that is when its responses carry an HE
 * (EHT) Operation element, and only well-formed ones (the shared parser
 * checks each against its own fields; a malformed one is left out and the
 * station served without it, as hostapd does).
 */
static void fsr_ft_sta_xcaps(struct fsr_ft_sta *s, const u8 *ies, size_t len,
			     const struct fsr_ft_public *pub)
{
	struct link_station_parameters *lp = &s->params.link_sta_params;
	struct fsr_ie_xcaps bss, c;
	enum fsr_ft_parse_err why;

	if (fsr_ie_parse_xcaps(pub->tail, pub->tail_len, &bss, &why) ||
	    !bss.he_op || fsr_ie_parse_xcaps(ies, len, &c, &why) || !c.he)
		return;
	memcpy(s->he, c.he, c.he_len);
	lp->he_capa = (const struct ieee80211_he_cap_elem *)s->he;
	lp->he_capa_len = c.he_len;
	if (c.he_6ghz) {
		memcpy(&s->he_6ghz, c.he_6ghz, sizeof(s->he_6ghz));
		lp->he_6ghz_capa = &s->he_6ghz;
	}
	if (bss.eht_op && c.eht) {
		memcpy(s->eht, c.eht, c.eht_len);
		lp->eht_capa = (const struct ieee80211_eht_cap_elem *)s->eht;
		lp->eht_capa_len = c.eht_len;
	}
}

static void fsr_ft_sta_params(struct fsr_ft_sta *s,
			      const struct ieee80211_mgmt *mgmt,
			      const u8 *ies, size_t len,
			      const struct fsr_ft_public *pub, u16 aid)
{
	struct station_parameters *sp = &s->params;
	u16 capab = le16_to_cpu(mgmt->u.reassoc_req.capab_info);
	const u8 *e;
	size_t elen;
	int qos;

	memset(s, 0, sizeof(*s));
	sp->listen_interval =
		le16_to_cpu(mgmt->u.reassoc_req.listen_interval);
	sp->aid = aid;
	sp->support_p2p_ps = -1;
	sp->capability = capab;
	sp->sta_modify_mask = STATION_PARAM_APPLY_CAPABILITY;
	sp->sta_flags_mask = BIT(NL80211_STA_FLAG_AUTHENTICATED) |
			     BIT(NL80211_STA_FLAG_ASSOCIATED) |
			     BIT(NL80211_STA_FLAG_SHORT_PREAMBLE) |
			     BIT(NL80211_STA_FLAG_WME);
	sp->sta_flags_set = BIT(NL80211_STA_FLAG_AUTHENTICATED) |
			    BIT(NL80211_STA_FLAG_ASSOCIATED);
	if (capab & WLAN_CAPABILITY_SHORT_PREAMBLE)
		sp->sta_flags_set |= BIT(NL80211_STA_FLAG_SHORT_PREAMBLE);

	e = fsr_ft_find_ie(ies, len, WLAN_EID_SUPP_RATES, &elen);
	if (e) {
		memcpy(s->rates, e + 2, min_t(size_t, elen - 2, 8));
		sp->link_sta_params.supported_rates_len =
			min_t(size_t, elen - 2, 8);
	}
	e = fsr_ft_find_ie(ies, len, WLAN_EID_EXT_SUPP_RATES, &elen);
	if (e) {
		u8 have = sp->link_sta_params.supported_rates_len;
		size_t add = min_t(size_t, elen - 2, FSR_RATES_MAX - have);

		memcpy(s->rates + have, e + 2, add);
		sp->link_sta_params.supported_rates_len = have + add;
	}
	if (sp->link_sta_params.supported_rates_len)
		sp->link_sta_params.supported_rates = s->rates;

	/* HT and VHT only when this BSS runs them (its responses say so). */
	e = fsr_ft_find_ie(ies, len, WLAN_EID_HT_CAPABILITY, &elen);
	if (e && elen - 2 >= sizeof(s->ht) &&
	    fsr_ft_find_ie(pub->tail, pub->tail_len, WLAN_EID_HT_OPERATION,
			   &elen)) {
		memcpy(&s->ht, e + 2, sizeof(s->ht));
		sp->link_sta_params.ht_capa = &s->ht;
	}
	e = fsr_ft_find_ie(ies, len, WLAN_EID_VHT_CAPABILITY, &elen);
	if (e && elen - 2 >= sizeof(s->vht) &&
	    fsr_ft_find_ie(pub->tail, pub->tail_len, WLAN_EID_VHT_OPERATION,
			   &elen)) {
		memcpy(&s->vht, e + 2, sizeof(s->vht));
		sp->link_sta_params.vht_capa = &s->vht;
	}
	fsr_ft_sta_xcaps(s, ies, len, pub);

	qos = fsr_ft_wmm_qos_info(ies, len);
	if (qos >= 0 && pub->wmm) {
		sp->sta_flags_set |= BIT(NL80211_STA_FLAG_WME);
		sp->sta_modify_mask |= STATION_PARAM_APPLY_UAPSD;
		sp->uapsd_queues = qos & IEEE80211_WMM_IE_STA_QOSINFO_AC_MASK;
		sp->max_sp = (qos >> IEEE80211_WMM_IE_STA_QOSINFO_SP_SHIFT) &
			     IEEE80211_WMM_IE_STA_QOSINFO_SP_MASK;
	}
}

/* Verification of a Reassociation Request against its exchange. */
static bool fsr_ft_check_reassoc(const struct fsr_ft_pend *p,
				 const struct fsr_ft_public *pub,
				 const struct ieee80211_mgmt *mgmt,
				 const u8 *bssid, const u8 *ies, size_t len,
				 struct fsr_ft_verdict *v)
{
	struct fsr_ft_mic_input in;
	enum fsr_ft_parse_err perr;
	struct fsr_ie_rsne r;
	struct fsr_ie_mde mde;
	struct fsr_ie_fte fte;
	struct fsr_ie_set set;
	unsigned int count;
	int err;

	if (fsr_ie_walk(ies, len, &set, &perr))
		return fsr_ft_bad(v, fsr_ft_parse_err_status(perr),
				  FSR_WHY_MALFORMED);
	if (!set.rsne.p)
		return fsr_ft_bad(v, FSR_WLAN_STATUS_INVALID_RSNE, FSR_WHY_RSNE);
	if (fsr_ie_parse_rsne(set.rsne.p, set.rsne.len, &r, &perr))
		return fsr_ft_bad(v, fsr_ft_parse_err_status(perr),
				  FSR_WHY_RSNE);
	if (!r.n_pmkid || memcmp(r.pmkid, p->r1_name, FSR_FT_NAME_LEN))
		return fsr_ft_bad(v, FSR_WLAN_STATUS_INVALID_PMKID, FSR_WHY_PMKID);
	if (r.n_akm != 1 || fsr_get_suite(r.akm) != p->suite.akm)
		return fsr_ft_bad(v, WLAN_STATUS_INVALID_AKMP, FSR_WHY_RSNE);
	if (r.n_pairwise != 1 || fsr_get_suite(r.pairwise) != p->suite.cipher)
		return fsr_ft_bad(v, WLAN_STATUS_INVALID_PAIRWISE_CIPHER,
				  FSR_WHY_RSNE);
	if (!set.mde.p)
		return fsr_ft_bad(v, FSR_WLAN_STATUS_INVALID_MDE, FSR_WHY_MDE);
	if (fsr_ie_parse_mde(set.mde.p, set.mde.len, &mde, &perr))
		return fsr_ft_bad(v, fsr_ft_parse_err_status(perr),
				  FSR_WHY_MDE);
	if (memcmp(mde.mdid, pub->mde + 2, FSR_FT_MDID_LEN))
		return fsr_ft_bad(v, FSR_WLAN_STATUS_INVALID_MDE, FSR_WHY_MDE);
	if (!set.fte.p)
		return fsr_ft_bad(v, FSR_WLAN_STATUS_INVALID_FTE, FSR_WHY_FTE);
	if (fsr_ie_parse_fte(set.fte.p, set.fte.len, p->suite.mic_len, &fte,
			     &perr))
		return fsr_ft_bad(v, fsr_ft_parse_err_status(perr),
				  FSR_WHY_FTE);
	if (memcmp(fte.snonce, p->snonce, FSR_FT_NONCE_LEN) ||
	    memcmp(fte.anonce, p->anonce, FSR_FT_NONCE_LEN))
		return fsr_ft_bad(v, FSR_WLAN_STATUS_INVALID_FTE, FSR_WHY_NONCE);
	if (!fte.r0kh_id || fte.r0kh_id_len != p->r0kh_id_len ||
	    memcmp(fte.r0kh_id, p->r0kh_id, p->r0kh_id_len) ||
	    !fte.r1kh_id || !ether_addr_equal(fte.r1kh_id, pub->r1kh_id))
		return fsr_ft_bad(v, FSR_WLAN_STATUS_INVALID_FTE, FSR_WHY_FTE);
	if (set.ric.p)
		return fsr_ft_bad(v, WLAN_STATUS_UNSPECIFIED_FAILURE,
				  FSR_WHY_UNSUPPORTED);
	count = 3 + (set.rsnxe.p ? 1 : 0);
	if (fsr_fte_elem_count(&fte) != count)
		return fsr_ft_bad(v, WLAN_STATUS_UNSPECIFIED_FAILURE,
				  FSR_WHY_FTE);
	fsr_ft_mic_input_init(&in, &set, mgmt->sa, bssid,
			      FSR_FT_SEQ_REASSOC_REQ);
	err = fsr_ft_mic_verify(p->ptk.kck, p->ptk.kck_len, &in);
	if (err == -EBADMSG)
		return fsr_ft_bad(v, FSR_WLAN_STATUS_INVALID_FTE, FSR_WHY_MIC);
	if (err)
		return fsr_ft_bad(v, WLAN_STATUS_UNSPECIFIED_FAILURE,
				  FSR_WHY_UNSUPPORTED);
	return true;
}

/* The Reassociation Response of a served roam; its length or < 0. */
static int fsr_ft_build_reassoc_resp(u8 *buf, size_t size,
				     struct ieee80211_vif *vif,
				     const struct fsr_ft_pend *p,
				     const struct fsr_ft_snap *snap,
				     const u8 *bssid, u16 aid)
{
	struct ieee80211_mgmt *m = (void *)buf;
	u8 gtk_sub[FSR_GTK_SUB_MAX];
	struct fsr_ft_mic_input in;
	const u8 *rsnxe;
	u8 rsc[FSR_FT_RSC_LEN];
	struct fsr_ie_fte out;
	size_t pos, rsne_at, fte_at, elen;
	int len, gtk_len, ret = -ENOSPC;

	fsr_ft_put_hdr(buf, IEEE80211_STYPE_REASSOC_RESP, p->sta, bssid);
	m->u.reassoc_resp.capab_info = cpu_to_le16(snap->pub.capab);
	m->u.reassoc_resp.status_code = 0;
	m->u.reassoc_resp.aid = cpu_to_le16(aid | BIT(14) | BIT(15));
	pos = FSR_RESP_BODY;
	if (size - pos < snap->pub.head_len)
		goto out;
	memcpy(buf + pos, snap->pub.head, snap->pub.head_len);
	pos += snap->pub.head_len;

	rsne_at = pos;
	len = fsr_ft_build_rsne(buf + pos, size - pos, snap->pub.rsne,
				snap->pub.rsne_len, p->r1_name);
	if (len < 0)
		goto out;
	pos += len;
	if (size - pos < FSR_FT_MDE_LEN)
		goto out;
	memcpy(buf + pos, snap->pub.mde, FSR_FT_MDE_LEN);
	pos += FSR_FT_MDE_LEN;

	fsr_ft_gtk_rsc(vif, snap->pub.gtk_idx, rsc);
	gtk_len = fsr_ft_build_gtk_sub(gtk_sub, sizeof(gtk_sub), p->ptk.kek,
				       p->ptk.kek_len, snap->pub.gtk_idx,
				       snap->gtk, snap->gtk_len, rsc);
	if (gtk_len < 0) {
		ret = gtk_len;
		goto out;
	}
	rsnxe = fsr_ft_find_ie(snap->pub.tail, snap->pub.tail_len,
			       FSR_EID_RSNX, &elen);
	memset(&out, 0, sizeof(out));
	out.mic_ctrl = (u16)((3 + (rsnxe ? 1 : 0)) << 8);
	out.mic_len = p->suite.mic_len;
	out.anonce = p->anonce;
	out.snonce = p->snonce;
	out.r1kh_id = snap->pub.r1kh_id;
	out.r0kh_id = p->r0kh_id;
	out.r0kh_id_len = p->r0kh_id_len;
	out.gtk = gtk_sub;
	out.gtk_len = gtk_len;
	fte_at = pos;
	len = fsr_ie_build_fte(buf + pos, size - pos, &out);
	if (len < 0)
		goto out;
	pos += len;
	if (size - pos < snap->pub.tail_len)
		goto out;
	memcpy(buf + pos, snap->pub.tail, snap->pub.tail_len);
	pos += snap->pub.tail_len;

	memset(&in, 0, sizeof(in));
	in.sta_addr = p->sta;
	in.ap_addr = bssid;
	in.seq = FSR_FT_SEQ_REASSOC_RESP;
	in.rsne = (struct fsr_ie_elem){ buf + rsne_at, buf[rsne_at + 1] + 2 };
	in.mde = (struct fsr_ie_elem){ buf + rsne_at + in.rsne.len,
				       FSR_FT_MDE_LEN };
	in.fte = (struct fsr_ie_elem){ buf + fte_at, len };
	if (rsnxe) {
		in.rsnxe.p = buf + pos - snap->pub.tail_len +
			     (rsnxe - snap->pub.tail);
		in.rsnxe.len = elen;
	}
	ret = fsr_ft_mic_compute(p->ptk.kck, p->ptk.kck_len, &in,
				 buf + fte_at + FSR_FTE_MIC_OFFSET);
	if (!ret)
		ret = pos;
out:
	memzero_explicit(gtk_sub, sizeof(gtk_sub));
	return ret;
}

static void fsr_ft_refuse_reassoc(struct fsr_ft_job *job,
				  struct ieee80211_vif *vif, u16 capab,
				  u16 status, u8 why)
{
	const struct ieee80211_mgmt *mgmt = (const void *)job->skb->data;
	struct fsr_bss *bss = job->bss;

	if (fsr_ft_tx_reassoc_status(vif, bss->dev->dev_addr, mgmt->sa,
				     capab, status))
		fsr_bss_count_stat(bss, FSR_STAT_ERR_TX);
	fsr_ft_refused(bss, mgmt->sa, status, why, GFP_KERNEL);
}

/*
 * Test hook for the lab (selftests/fsr_ft_crafted.sh): the next N served
 * Reassociations fail right after their PTK is installed (after the
 * response's ACK, ft_ack.c), to show that the exchange is retired and the
 * key never installed again. 0 in production.
 */
static atomic_t fsr_ft_fault_key = ATOMIC_INIT(0);

static int fsr_ft_fault_set(const char *val, const struct kernel_param *kp)
{
	unsigned int n;
	int ret;

	ret = kstrtouint(val, 0, &n);
	if (ret)
		return ret;
	if (n > 100)
		return -ERANGE;
	atomic_set(&fsr_ft_fault_key, n);
	return 0;
}

static int fsr_ft_fault_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%d\n", atomic_read(&fsr_ft_fault_key));
}

static const struct kernel_param_ops fsr_ft_fault_ops = {
	.set = fsr_ft_fault_set,
	.get = fsr_ft_fault_get,
};

module_param_cb(test_fail_after_key, &fsr_ft_fault_ops, NULL, 0600);
MODULE_PARM_DESC(test_fail_after_key,
		 "test only: fail the next N served Reassociations right after their key install");

bool fsr_ft_fault_after_key(void)
{
	return atomic_add_unless(&fsr_ft_fault_key, -1, 0);
}

/*
 * Test hook for the lab (selftests/fsr_ft_owner.sh): the next served
 * Reassociation waits this many milliseconds before it removes the
 * station from the other BSSes, so that a newer association can be made
 * meanwhile. 0 in production.
 */
static atomic_t fsr_ft_delay_cleanup = ATOMIC_INIT(0);

static int fsr_ft_delay_set(const char *val, const struct kernel_param *kp)
{
	unsigned int ms;
	int ret;

	ret = kstrtouint(val, 0, &ms);
	if (ret)
		return ret;
	if (ms > 120000)
		return -ERANGE;
	atomic_set(&fsr_ft_delay_cleanup, ms);
	return 0;
}

static int fsr_ft_delay_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%d\n", atomic_read(&fsr_ft_delay_cleanup));
}

static const struct kernel_param_ops fsr_ft_delay_ops = {
	.set = fsr_ft_delay_set,
	.get = fsr_ft_delay_get,
};

module_param_cb(test_delay_cleanup_ms, &fsr_ft_delay_ops, NULL, 0600);
MODULE_PARM_DESC(test_delay_cleanup_ms,
		 "test only: the next served Reassociation waits this long before removing the station from the other BSSes");

/*
 * Once the station was associated for this exchange, a failure ends the
 * exchange for good: the station is removed, the PTK wiped and the
 * exchange dropped, so that no later request can use it again.
 * Under @p->lock.
 */
void fsr_ft_retire(struct fsr_ft_pend *p, struct ieee80211_vif *vif)
{
	ieee80211_mgmt_offload_del_sta(vif, p->sta);
	memzero_explicit(&p->ptk, sizeof(p->ptk));
	fsr_ft_pend_remove(p);
}

static void fsr_ft_serve_reassoc(struct fsr_ft_job *job)
{
	const struct ieee80211_mgmt *mgmt = (const void *)job->skb->data;
	const u8 *ies = mgmt->u.reassoc_req.variable;
	size_t ies_len = job->skb->len - FSR_REASSOC_BODY;
	/* what the done-check compares: everything after the header */
	const u8 *body = job->skb->data + FSR_HDR_LEN;
	size_t body_len = job->skb->len - FSR_HDR_LEN;
	struct fsr_bss *bss = job->bss;
	const u8 *bssid = bss->dev->dev_addr;
	struct fsr_ft_verdict v = {};
	struct ieee80211_vif *vif;
	struct wireless_dev *wdev;
	struct fsr_ft_snap *snap = NULL;
	struct fsr_ft_sta *sta = NULL;
	struct fsr_sta_owner *own = NULL;
	struct ieee80211_hw *hw;
	struct fsr_ft_pend *p;
	u8 *buf = NULL;
	bool prepared;
	int len, ret;
	u32 own_gen;
	u16 aid;
	u64 ns;

	vif = ieee80211_mgmt_offload_vif(bss->dev);
	wdev = bss->dev->ieee80211_ptr;
	/* The hook's reference; it may have left the table since. */
	p = job->pend;
	refcount_inc(&p->ref);
	/*
	 * From here on the frame is never handed to userspace: fsrd never
	 * had this exchange's ANonce and could not serve it. Every failure
	 * is a refusal with a status.
	 */
	if (!vif || !wdev) {
		fsr_ft_refused(bss, mgmt->sa, 0, FSR_WHY_STA, GFP_KERNEL);
		goto out_put;
	}
	if (!READ_ONCE(p->hashed)) {
		/* Ended since the hook saw it (Open System, detach, expiry). */
		fsr_ft_refuse_reassoc(job, vif, 0,
				      WLAN_STATUS_UNSPECIFIED_FAILURE,
				      FSR_WHY_NO_PENDING);
		goto out_put;
	}
	snap = kmalloc(sizeof(*snap), GFP_KERNEL);
	if (!snap) {
		fsr_ft_refuse_reassoc(job, vif, 0,
				      WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA,
				      FSR_WHY_NOMEM);
		goto out_put;
	}
	if (!fsr_ft_snapshot(bss, snap)) {
		fsr_ft_refuse_reassoc(job, vif, 0,
				      WLAN_STATUS_UNSPECIFIED_FAILURE,
				      FSR_WHY_NOT_READY);
		goto out_put;
	}
	hw = wiphy_to_ieee80211_hw(wdev->wiphy);

	mutex_lock(&p->lock);
	if (p->done) {
		if (time_after(jiffies, p->expires)) {
			fsr_ft_refuse_reassoc(job, vif, snap->pub.capab,
					      WLAN_STATUS_UNSPECIFIED_FAILURE,
					      FSR_WHY_STALE);
		} else if (body_len == p->req_len &&
			   !memcmp(body, p->req, body_len)) {
			/*
			 * A retransmission: same answer, no key reinstall;
			 * its ACK counts while the first one's is awaited.
			 */
			if (p->ack == FSR_ACK_WAIT)
				ret = ieee80211_mgmt_offload_tx_ack(vif, p->resp,
								    p->resp_len,
								    p->ack_tag);
			else
				ret = ieee80211_mgmt_offload_tx(vif, p->resp,
								p->resp_len);
			if (ret)
				fsr_bss_count_stat(bss, FSR_STAT_ERR_TX);
			else
				fsr_bss_count_stat(bss, FSR_STAT_SERVED);
		} else {
			fsr_ft_refuse_reassoc(job, vif, snap->pub.capab,
					      FSR_WLAN_STATUS_INVALID_FTE,
					      FSR_WHY_REPLAY);
		}
		goto out_unlock;
	}
	if (time_after(jiffies, p->expires)) {
		fsr_ft_refuse_reassoc(job, vif, snap->pub.capab,
				      WLAN_STATUS_UNSPECIFIED_FAILURE,
				      FSR_WHY_STALE);
		fsr_ft_pend_remove(p);
		goto out_unlock;
	}
	if (!fsr_ft_check_reassoc(p, &snap->pub, mgmt, bssid, ies, ies_len,
				  &v)) {
		fsr_ft_refuse_reassoc(job, vif, snap->pub.capab, v.status,
				      v.why);
		goto out_unlock;
	}

	sta = kmalloc(sizeof(*sta), GFP_KERNEL);
	buf = kmalloc(FSR_REASSOC_RESP_MAX, GFP_KERNEL);
	p->req = kmemdup(body, body_len, GFP_KERNEL);
	if (!sta || !buf || !p->req) {
		fsr_ft_refuse_reassoc(job, vif, snap->pub.capab,
				      WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA,
				      FSR_WHY_NOMEM);
		goto out_unlock;
	}
	p->req_len = body_len;

	/* AID choice and station add: one roam at a time per BSS. */
	mutex_lock(&bss->sta_lock);
	/* Added unassociated after the FT Authentication (ft_prep.c)? */
	prepared = p->prep == FSR_PREP_ADDED;
	aid = prepared ? p->aid : fsr_ft_pick_aid(hw, snap->pub.aid_min,
						  snap->pub.aid_max);
	if (!aid) {
		mutex_unlock(&bss->sta_lock);
		fsr_ft_refuse_reassoc(job, vif, snap->pub.capab,
				      WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA,
				      FSR_WHY_NO_AID);
		goto out_unlock;
	}
	/*
	 * This BSS owns the station from now on, before its entry exists:
	 * a cleanup of an earlier roam that is still running leaves it be.
	 */
	own = fsr_sta_owner_claim(bss, mgmt->sa, &own_gen);
	if (!own) {
		mutex_unlock(&bss->sta_lock);
		fsr_ft_refuse_reassoc(job, vif, snap->pub.capab,
				      WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA,
				      FSR_WHY_NOMEM);
		goto out_unlock;
	}
	fsr_ft_sta_params(sta, mgmt, ies, ies_len, &snap->pub, aid);
	if (prepared) {
		/*
		 * The one locked change of hostapd's order: to associated,
		 * with the request's rates and capabilities. The station is
		 * no longer the prepare work's to remove, whatever happens.
		 */
		WRITE_ONCE(p->prep, FSR_PREP_OVER);
		ret = ieee80211_mgmt_offload_change_sta(vif, mgmt->sa,
							&sta->params);
		if (!ret) {
			fsr_bss_count_stat(bss, FSR_STAT_FT_PREP_USED);
		} else {
			/* Removed meanwhile: added below, from fresh params. */
			prepared = false;
			fsr_ft_sta_params(sta, mgmt, ies, ies_len, &snap->pub,
					  aid);
		}
	}
	if (!prepared) {
		/*
		 * A stale entry of this station (it left and came back, or
		 * a prepared one that could not be associated): the MIC has
		 * proved the request, so it goes.
		 */
		ieee80211_mgmt_offload_del_sta(vif, mgmt->sa);
		ret = ieee80211_mgmt_offload_add_sta(vif, mgmt->sa,
						     &sta->params);
	}
	mutex_unlock(&bss->sta_lock);
	if (ret)
		goto err_sta;

	/*
	 * hostapd's order: the response goes out to an associated station
	 * that has no PTK yet and whose port is closed; the key and the
	 * port follow the response's ACK (ft_ack.c). Nothing that can wait
	 * (a key allocation and upload, an RCU grace period) sits between
	 * the request and the response. From here on a failure retires the
	 * exchange: the station associated for it goes.
	 */
	len = fsr_ft_build_reassoc_resp(buf, FSR_REASSOC_RESP_MAX, vif, p,
					snap, bssid, aid);
	if (len < 0) {
		fsr_ft_retire(p, vif);
		fsr_ft_refuse_reassoc(job, vif, snap->pub.capab,
				      WLAN_STATUS_UNSPECIFIED_FAILURE,
				      FSR_WHY_STA);
		goto out_unlock;
	}
	p->done = true;
	p->aid = aid;
	p->resp = buf;
	p->resp_len = len;
	buf = NULL;
	p->gtk_idx = snap->pub.gtk_idx;
	p->ack_tag = fsr_ft_ack_new_tag();
	/* Before the response: its TX status may overtake the sender. */
	fsr_ft_ack_wait(p, bss, own, own_gen);
	own = NULL;
	ret = ieee80211_mgmt_offload_tx_ack(vif, p->resp, p->resp_len,
					    p->ack_tag);
	ns = ktime_to_ns(ktime_sub(ktime_get(), job->t0));
	if (ret) {
		/* The ACK work undoes the rest when it runs, now. */
		fsr_ft_retire(p, vif);
		fsr_ft_refused(bss, mgmt->sa, 0, FSR_WHY_TX, GFP_KERNEL);
		goto out_unlock;
	}
	p->service_ns = ns;
	fsr_bss_count_hist(bss, FSR_HIST_REASSOC, ns);
	fsr_bss_count_stat(bss, FSR_STAT_FT_REASSOC_SERVED);
	fsr_bss_count_stat(bss, FSR_STAT_SERVED);
	mutex_unlock(&p->lock);
	/* The prepare work gives back its BSS reference now, not at GC. */
	fsr_ft_prep_kick(p);
	goto out_put;

err_sta:
	fsr_ft_refuse_reassoc(job, vif, snap->pub.capab,
			      WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA,
			      FSR_WHY_STA);
out_unlock:
	if (!p->done) {
		kfree(p->req);
		p->req = NULL;
		p->req_len = 0;
	}
	mutex_unlock(&p->lock);
	if (READ_ONCE(p->prep) == FSR_PREP_OVER)
		fsr_ft_prep_kick(p);
out_put:
	fsr_sta_owner_release(own);
	fsr_ft_pend_put(p);
	kfree(buf);
	kfree(sta);
	kfree_sensitive(snap);
}

/*
 * After a served roam: the station has left the other BSSes of this host,
 * whose entries of it go (unless it has moved on again meanwhile).
 */
void fsr_ft_cleanup_others(struct fsr_bss *bss, const u8 *sta,
			   struct fsr_sta_owner *own, u32 own_gen)
{
	unsigned int delay = atomic_xchg(&fsr_ft_delay_cleanup, 0);

	if (delay)
		msleep_interruptible(delay);	/* not a hung task */
	fsr_bss_del_sta_others(bss, sta, own, own_gen);
}

static void fsr_ft_work(struct work_struct *work)
{
	struct fsr_ft_job *job = container_of(work, struct fsr_ft_job, work);

	if (!READ_ONCE(job->bss->dead))
		fsr_ft_serve_reassoc(job);
	fsr_ft_job_free(job);
}

int fsr_ft_init(void)
{
	int ret;

	ret = fsr_crypto_init();
	if (ret)
		return ret;
	fsr_sta_owner_init();
	fsr_ft_wq = alloc_workqueue("fsr_ft", WQ_UNBOUND | WQ_HIGHPRI, 0);
	if (!fsr_ft_wq) {
		fsr_crypto_exit();
		return -ENOMEM;
	}
	return fsr_ft_pending_init();
}

void fsr_ft_drain(void)
{
	/*
	 * A flush, not a drain: the garbage collector and netlink may still
	 * kick prepare work, which a drain would refuse with a warning.
	 * Jobs come only from the hook, so none is left after this; prepare
	 * work queued later runs before destroy_workqueue() returns.
	 */
	flush_workqueue(fsr_ft_wq);
}

void fsr_ft_exit(void)
{
	/* Its last sweep may kick prepare work: the queue drains it. */
	fsr_ft_pending_exit();
	destroy_workqueue(fsr_ft_wq);
	fsr_crypto_exit();
}

// SPDX-License-Identifier: GPL-2.0-only
/* nl80211 requests and events through libnl-3 genl. */
#include <errno.h>
#include <linux/nl80211.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include "drv/nl80211.h"

static struct nl_sock *cmd_sk;
static struct nl_sock *evt_sk;
static int family;
static const struct nl80211_events *events;
/* interfaces whose unexpected frames come to evt_sk (see below) */
static int unexp_ifindex[64];
static size_t n_unexp;

/* Result of one request: 1 while waiting, then 0 or a negative errno. */
static int on_error(struct sockaddr_nl *nla, struct nlmsgerr *e, void *arg)
{
	(void)nla;
	*(int *)arg = e->error;
	return NL_STOP;
}

static int on_ack(struct nl_msg *msg, void *arg)
{
	(void)msg;
	*(int *)arg = 0;
	return NL_STOP;
}

static int on_finish(struct nl_msg *msg, void *arg)
{
	(void)msg;
	*(int *)arg = 0;
	return NL_SKIP;
}

/* The lengths of the event attributes read below (nla_get_* reads
 * blindly): a short one fails the parse, the event is skipped. */
static struct nla_policy event_policy[NL80211_ATTR_MAX + 1] = {
	[NL80211_ATTR_IFINDEX] = { .type = NLA_U32 },
	[NL80211_ATTR_RX_SIGNAL_DBM] = { .type = NLA_U32 },
	[NL80211_ATTR_COOKIE] = { .type = NLA_U64 },
};

static int on_event(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[NL80211_ATTR_MAX + 1];
	int ifindex;

	(void)arg;
	if (nla_parse(tb, NL80211_ATTR_MAX, genlmsg_attrdata(gh, 0),
		      genlmsg_attrlen(gh, 0), event_policy) ||
	    !tb[NL80211_ATTR_IFINDEX])
		return NL_SKIP;
	ifindex = (int)nla_get_u32(tb[NL80211_ATTR_IFINDEX]);
	switch (gh->cmd) {
	case NL80211_CMD_FRAME:
		if (tb[NL80211_ATTR_FRAME] && events && events->frame)
			events->frame(ifindex, nla_data(tb[NL80211_ATTR_FRAME]),
				      (size_t)nla_len(tb[NL80211_ATTR_FRAME]),
				      tb[NL80211_ATTR_RX_SIGNAL_DBM] ?
				      (int)nla_get_u32(
					tb[NL80211_ATTR_RX_SIGNAL_DBM]) : 0);
		break;
	case NL80211_CMD_DEL_STATION:
		if (tb[NL80211_ATTR_MAC] &&
		    nla_len(tb[NL80211_ATTR_MAC]) == 6 && events &&
		    events->del_station)
			events->del_station(ifindex,
					    nla_data(tb[NL80211_ATTR_MAC]));
		break;
	case NL80211_CMD_STOP_AP:
		if (events && events->ap_stopped)
			events->ap_stopped(ifindex);
		break;
	case NL80211_CMD_FRAME_TX_STATUS:
		if (tb[NL80211_ATTR_COOKIE] && events && events->tx_status)
			events->tx_status(ifindex,
					  nla_get_u64(tb[NL80211_ATTR_COOKIE]),
					  tb[NL80211_ATTR_ACK] != NULL);
		break;
	case NL80211_CMD_UNEXPECTED_FRAME:
		if (tb[NL80211_ATTR_MAC] &&
		    nla_len(tb[NL80211_ATTR_MAC]) == 6 && events &&
		    events->unexpected)
			events->unexpected(ifindex,
					   nla_data(tb[NL80211_ATTR_MAC]));
		break;
	}
	return NL_SKIP;
}

/* Events carry sequence number 0: accept every sequence number. */
static int no_seq_check(struct nl_msg *msg, void *arg)
{
	(void)msg;
	(void)arg;
	return NL_OK;
}

/* Free a message that held a key: libnl sends from this one buffer
 * (no copy), so wiping all of it leaves no key behind. */
static void free_secret(struct nl_msg *msg)
{
	explicit_bzero(nlmsg_hdr(msg), nlmsg_get_max_size(msg));
	nlmsg_free(msg);
}

static int exec_msg(struct nl_sock *sk, struct nl_msg *msg,
		    int (*valid)(struct nl_msg *, void *), void *arg,
		    bool secret)
{
	struct nl_cb *cb = nl_cb_alloc(NL_CB_DEFAULT);
	int err = 1, ret;

	if (!cb) {
		if (secret)
			free_secret(msg);
		else
			nlmsg_free(msg);
		return -ENOMEM;
	}
	nl_cb_err(cb, NL_CB_CUSTOM, on_error, &err);
	nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, on_ack, &err);
	nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, on_finish, &err);
	if (valid)
		nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, valid, arg);
	if (sk == evt_sk)
		nl_cb_set(cb, NL_CB_SEQ_CHECK, NL_CB_CUSTOM, no_seq_check, NULL);
	ret = nl_send_auto(sk, msg);
	if (secret)
		free_secret(msg);
	else
		nlmsg_free(msg);
	if (ret < 0) {
		nl_cb_put(cb);
		return -EIO;
	}
	while (err > 0) {
		ret = nl_recvmsgs(sk, cb);
		if (ret < 0 && err > 0) {
			err = -EIO;
			break;
		}
	}
	nl_cb_put(cb);
	return err;
}

/* Send msg (consumed) on sk and wait for its ACK; valid sees replies. */
static int exec(struct nl_sock *sk, struct nl_msg *msg,
		int (*valid)(struct nl_msg *, void *), void *arg)
{
	return exec_msg(sk, msg, valid, arg, false);
}

static struct nl_msg *new_msg(uint8_t cmd, int ifindex)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (!msg)
		return NULL;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0, 0, cmd,
			 0) ||
	    (ifindex && nla_put_u32(msg, NL80211_ATTR_IFINDEX,
				    (uint32_t)ifindex))) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

/* libnl's nla_put_* return a negative NLE code; collapse to -EMSGSIZE */
#define PUT(x) do { if ((x) < 0) goto nla_fail; } while (0)

int nl80211_open(const struct nl80211_events *ev)
{
	int grp, one = 1;

	events = ev;
	cmd_sk = nl_socket_alloc();
	evt_sk = nl_socket_alloc();
	if (!cmd_sk || !evt_sk)
		goto fail;
	if (genl_connect(cmd_sk) || genl_connect(evt_sk))
		goto fail;
	/* an error ACK would otherwise echo the whole request, a NEW_KEY's
	 * key included, into libnl's receive buffer (freed unwiped) */
	if (setsockopt(nl_socket_get_fd(cmd_sk), SOL_NETLINK, NETLINK_CAP_ACK,
		       &one, sizeof(one)) ||
	    setsockopt(nl_socket_get_fd(evt_sk), SOL_NETLINK, NETLINK_CAP_ACK,
		       &one, sizeof(one)))
		goto fail;
	family = genl_ctrl_resolve(cmd_sk, "nl80211");
	grp = genl_ctrl_resolve_grp(cmd_sk, "nl80211", "mlme");
	if (family < 0 || grp < 0)
		goto fail;
	nl_socket_set_buffer_size(evt_sk, 1 << 20, 0);
	if (nl_socket_add_membership(evt_sk, grp))
		goto fail;
	return 0;
fail:
	nl80211_close();
	return -ENOENT;
}

void nl80211_close(void)
{
	if (cmd_sk)
		nl_socket_free(cmd_sk);
	if (evt_sk)
		nl_socket_free(evt_sk);
	cmd_sk = NULL;
	evt_sk = NULL;
	n_unexp = 0;
}

int nl80211_event_fd(void)
{
	return nl_socket_get_fd(evt_sk);
}

void nl80211_event_read(void)
{
	struct nl_cb *cb = nl_cb_alloc(NL_CB_DEFAULT);
	bool lost = false;
	int ret;

	if (!cb)
		return;
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, on_event, NULL);
	nl_cb_set(cb, NL_CB_SEQ_CHECK, NL_CB_CUSTOM, no_seq_check, NULL);
	nl_socket_set_nonblocking(evt_sk);
	/*
	 * Drain: an error (NLE_AGAIN) once nothing is left. An overrun
	 * (ENOBUFS, NLE_NOMEM to libnl) lost events but leaves the socket
	 * usable: read on, then let the daemon resynchronise.
	 */
	for (;;) {
		ret = nl_recvmsgs(evt_sk, cb);
		if (ret >= 0)
			continue;
		if (ret == -NLE_NOMEM) {
			lost = true;
			continue;
		}
		break;
	}
	nl_cb_put(cb);
	if (lost && events && events->lost)
		events->lost();
}

struct iface_info {
	uint32_t wiphy;
	uint8_t *mac;
	bool found;
};

static int on_iface(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[NL80211_ATTR_MAX + 1];
	struct iface_info *ii = arg;

	if (nla_parse(tb, NL80211_ATTR_MAX, genlmsg_attrdata(gh, 0),
		      genlmsg_attrlen(gh, 0), NULL))
		return NL_SKIP;
	if (!tb[NL80211_ATTR_WIPHY] || !tb[NL80211_ATTR_MAC] ||
	    nla_len(tb[NL80211_ATTR_MAC]) != 6)
		return NL_SKIP;
	ii->wiphy = nla_get_u32(tb[NL80211_ATTR_WIPHY]);
	memcpy(ii->mac, nla_data(tb[NL80211_ATTR_MAC]), 6);
	ii->found = true;
	return NL_SKIP;
}

int nl80211_get_iface(int ifindex, uint32_t *wiphy, uint8_t *mac)
{
	struct nl_msg *msg = new_msg(NL80211_CMD_GET_INTERFACE, ifindex);
	struct iface_info ii = { .mac = mac };
	int err;

	if (!msg)
		return -ENOMEM;
	err = exec(cmd_sk, msg, on_iface, &ii);
	if (err)
		return err;
	if (!ii.found)
		return -ENODEV;
	*wiphy = ii.wiphy;
	return 0;
}

static int set_iftype(int ifindex, uint32_t type)
{
	struct nl_msg *msg = new_msg(NL80211_CMD_SET_INTERFACE, ifindex);

	if (!msg)
		return -ENOMEM;
	PUT(nla_put_u32(msg, NL80211_ATTR_IFTYPE, type));
	return exec(cmd_sk, msg, NULL, NULL);
nla_fail:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

int nl80211_set_iftype_ap(int ifindex)
{
	return set_iftype(ifindex, NL80211_IFTYPE_AP);
}

int nl80211_set_iftype_station(int ifindex)
{
	return set_iftype(ifindex, NL80211_IFTYPE_STATION);
}

int nl80211_register_frame(int ifindex, uint16_t fc, const uint8_t *match,
			   size_t match_len)
{
	struct nl_msg *msg = new_msg(NL80211_CMD_REGISTER_FRAME, ifindex);

	if (!msg)
		return -ENOMEM;
	PUT(nla_put_u16(msg, NL80211_ATTR_FRAME_TYPE, fc));
	PUT(nla_put(msg, NL80211_ATTR_FRAME_MATCH, (int)match_len, match));
	/* on the event socket: the kernel sends the frames to this port */
	return exec(evt_sk, msg, on_event, NULL);
nla_fail:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

/*
 * cfg80211 keeps this registration until the socket closes, even across
 * a change of interface type (unlike frame registrations): an interface
 * registered once on the event socket (a BSS restarted by a reload) is
 * registered still, and asking again would be EBUSY.
 */
int nl80211_register_unexpected(int ifindex)
{
	struct nl_msg *msg;
	int err;

	for (size_t i = 0; i < n_unexp; i++)
		if (unexp_ifindex[i] == ifindex)
			return 0;
	msg = new_msg(NL80211_CMD_UNEXPECTED_FRAME, ifindex);
	if (!msg)
		return -ENOMEM;
	err = exec(evt_sk, msg, on_event, NULL);
	if (!err && n_unexp < sizeof(unexp_ifindex) / sizeof(unexp_ifindex[0]))
		unexp_ifindex[n_unexp++] = ifindex;
	return err;
}

int nl80211_start_ap(int ifindex, const struct nl80211_ap *ap)
{
	struct nl_msg *msg = new_msg(NL80211_CMD_START_AP, ifindex);

	if (!msg)
		return -ENOMEM;
	PUT(nla_put(msg, NL80211_ATTR_BEACON_HEAD, (int)ap->head_len,
		    ap->head));
	PUT(nla_put(msg, NL80211_ATTR_BEACON_TAIL, (int)ap->tail_len,
		    ap->tail));
	PUT(nla_put_u32(msg, NL80211_ATTR_BEACON_INTERVAL, ap->beacon_int));
	PUT(nla_put_u32(msg, NL80211_ATTR_DTIM_PERIOD, ap->dtim_period));
	PUT(nla_put(msg, NL80211_ATTR_SSID, (int)ap->ssid_len, ap->ssid));
	PUT(nla_put_u32(msg, NL80211_ATTR_HIDDEN_SSID,
			NL80211_HIDDEN_SSID_NOT_IN_USE));
	PUT(nla_put_flag(msg, NL80211_ATTR_PRIVACY));
	PUT(nla_put_u32(msg, NL80211_ATTR_AUTH_TYPE,
			NL80211_AUTHTYPE_OPEN_SYSTEM));
	PUT(nla_put_u32(msg, NL80211_ATTR_WPA_VERSIONS, NL80211_WPA_VERSION_2));
	PUT(nla_put(msg, NL80211_ATTR_AKM_SUITES,
		    (int)(ap->n_akms * sizeof(uint32_t)), ap->akms));
	PUT(nla_put(msg, NL80211_ATTR_CIPHER_SUITES_PAIRWISE,
		    sizeof(uint32_t), &ap->pairwise));
	PUT(nla_put_u32(msg, NL80211_ATTR_CIPHER_SUITE_GROUP, ap->group));
	/* EAPOL goes over PF_PACKET: mac80211 lets only 0x888e through
	 * until the station is authorized */
	PUT(nla_put_flag(msg, NL80211_ATTR_CONTROL_PORT));
	PUT(nla_put_u16(msg, NL80211_ATTR_CONTROL_PORT_ETHERTYPE, 0x888e));
	PUT(nla_put_u32(msg, NL80211_ATTR_WIPHY_FREQ, ap->freq_mhz));
	PUT(nla_put_u32(msg, NL80211_ATTR_CHANNEL_WIDTH,
			ap->ht ? NL80211_CHAN_WIDTH_20 :
				 NL80211_CHAN_WIDTH_20_NOHT));
	PUT(nla_put_u32(msg, NL80211_ATTR_CENTER_FREQ1, ap->freq_mhz));
	return exec(cmd_sk, msg, NULL, NULL);
nla_fail:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

int nl80211_stop_ap(int ifindex)
{
	struct nl_msg *msg = new_msg(NL80211_CMD_STOP_AP, ifindex);

	if (!msg)
		return -ENOMEM;
	return exec(cmd_sk, msg, NULL, NULL);
}

int nl80211_set_ap_isolate(int ifindex, bool on)
{
	struct nl_msg *msg = new_msg(NL80211_CMD_SET_BSS, ifindex);

	if (!msg)
		return -ENOMEM;
	PUT(nla_put_u8(msg, NL80211_ATTR_AP_ISOLATE, on));
	return exec(cmd_sk, msg, NULL, NULL);
nla_fail:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

static int on_cookie(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[NL80211_ATTR_MAX + 1];

	if (!nla_parse(tb, NL80211_ATTR_MAX, genlmsg_attrdata(gh, 0),
		       genlmsg_attrlen(gh, 0), NULL) &&
	    tb[NL80211_ATTR_COOKIE])
		*(uint64_t *)arg = nla_get_u64(tb[NL80211_ATTR_COOKIE]);
	return NL_SKIP;
}

int nl80211_send_frame_cookie(int ifindex, const uint8_t *frame,
			      size_t len, uint64_t *cookie)
{
	struct nl_msg *msg = new_msg(NL80211_CMD_FRAME, ifindex);
	uint64_t c = 0;
	int err;

	if (!msg)
		return -ENOMEM;
	PUT(nla_put(msg, NL80211_ATTR_FRAME, (int)len, frame));
	err = exec(cmd_sk, msg, on_cookie, &c);
	if (!err && cookie) {
		if (!c)
			return -ENODATA;
		*cookie = c;
	}
	return err;
nla_fail:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

int nl80211_send_frame(int ifindex, const uint8_t *frame, size_t len)
{
	return nl80211_send_frame_cookie(ifindex, frame, len, NULL);
}

static int put_flags(struct nl_msg *msg, uint32_t mask, uint32_t set)
{
	struct nl80211_sta_flag_update upd = { .mask = mask, .set = set };

	return nla_put(msg, NL80211_ATTR_STA_FLAGS2, sizeof(upd), &upd);
}

/* The attributes of an associated station, for NEW_STATION and for the
 * SET_STATION that associates a station added unassociated. */
static int put_sta_assoc(struct nl_msg *msg, const struct nl80211_sta *sta)
{
	uint32_t mask, set;

	PUT(nla_put(msg, NL80211_ATTR_MAC, 6, sta->addr));
	PUT(nla_put(msg, NL80211_ATTR_STA_SUPPORTED_RATES, (int)sta->n_rates,
		    sta->rates));
	PUT(nla_put_u16(msg, NL80211_ATTR_STA_AID, sta->aid));
	PUT(nla_put_u16(msg, NL80211_ATTR_STA_LISTEN_INTERVAL,
			sta->listen_int));
	PUT(nla_put_u16(msg, NL80211_ATTR_STA_CAPABILITY, sta->capab));
	if (sta->ht_cap)
		PUT(nla_put(msg, NL80211_ATTR_HT_CAPABILITY, 26, sta->ht_cap));
	mask = 1u << NL80211_STA_FLAG_AUTHORIZED |
	       1u << NL80211_STA_FLAG_AUTHENTICATED |
	       1u << NL80211_STA_FLAG_ASSOCIATED |
	       1u << NL80211_STA_FLAG_WME |
	       1u << NL80211_STA_FLAG_SHORT_PREAMBLE;
	set = 1u << NL80211_STA_FLAG_AUTHENTICATED |
	      1u << NL80211_STA_FLAG_ASSOCIATED;
	if (sta->wme)
		set |= 1u << NL80211_STA_FLAG_WME;
	if (sta->capab & 0x0020)
		set |= 1u << NL80211_STA_FLAG_SHORT_PREAMBLE;
	PUT(put_flags(msg, mask, set));
	if (sta->wme) {
		struct nlattr *wme = nla_nest_start(msg, NL80211_ATTR_STA_WME);

		if (!wme)
			return -EMSGSIZE;
		PUT(nla_put_u8(msg, NL80211_STA_WME_UAPSD_QUEUES,
			       sta->qos_info & 0x0f));
		PUT(nla_put_u8(msg, NL80211_STA_WME_MAX_SP,
			       (sta->qos_info >> 5) & 0x03));
		nla_nest_end(msg, wme);
	}
	return 0;
nla_fail:
	return -EMSGSIZE;
}

static int sta_assoc_cmd(uint8_t cmd, int ifindex,
			 const struct nl80211_sta *sta)
{
	struct nl_msg *msg = new_msg(cmd, ifindex);

	if (!msg)
		return -ENOMEM;
	if (put_sta_assoc(msg, sta)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	return exec(cmd_sk, msg, NULL, NULL);
}

int nl80211_new_station(int ifindex, const struct nl80211_sta *sta)
{
	return sta_assoc_cmd(NL80211_CMD_NEW_STATION, ifindex, sta);
}

int nl80211_set_station_assoc(int ifindex, const struct nl80211_sta *sta)
{
	return sta_assoc_cmd(NL80211_CMD_SET_STATION, ifindex, sta);
}

int nl80211_new_station_auth(int ifindex, const uint8_t *addr)
{
	struct nl_msg *msg = new_msg(NL80211_CMD_NEW_STATION, ifindex);

	if (!msg)
		return -ENOMEM;
	PUT(nla_put(msg, NL80211_ATTR_MAC, 6, addr));
	/* nl80211 wants rates, a listen interval and a non-zero AID even
	 * here: the SET_STATION at association gives the real ones (hostapd
	 * does the same) */
	PUT(nla_put(msg, NL80211_ATTR_STA_SUPPORTED_RATES, 0, NULL));
	PUT(nla_put_u16(msg, NL80211_ATTR_STA_AID, 1));
	PUT(nla_put_u16(msg, NL80211_ATTR_STA_LISTEN_INTERVAL, 0));
	PUT(put_flags(msg, 1u << NL80211_STA_FLAG_AUTHORIZED |
			   1u << NL80211_STA_FLAG_AUTHENTICATED |
			   1u << NL80211_STA_FLAG_ASSOCIATED,
		      1u << NL80211_STA_FLAG_AUTHENTICATED));
	return exec(cmd_sk, msg, NULL, NULL);
nla_fail:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

/* A command about one station that carries only its address. */
static int sta_cmd(uint8_t cmd, int ifindex, const uint8_t *addr)
{
	struct nl_msg *msg = new_msg(cmd, ifindex);

	if (!msg)
		return -ENOMEM;
	PUT(nla_put(msg, NL80211_ATTR_MAC, 6, addr));
	return exec(cmd_sk, msg, NULL, NULL);
nla_fail:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

int nl80211_del_station(int ifindex, const uint8_t *addr)
{
	return sta_cmd(NL80211_CMD_DEL_STATION, ifindex, addr);
}

int nl80211_authorize(int ifindex, const uint8_t *addr)
{
	struct nl_msg *msg = new_msg(NL80211_CMD_SET_STATION, ifindex);

	if (!msg)
		return -ENOMEM;
	PUT(nla_put(msg, NL80211_ATTR_MAC, 6, addr));
	PUT(put_flags(msg, 1u << NL80211_STA_FLAG_AUTHORIZED,
		      1u << NL80211_STA_FLAG_AUTHORIZED));
	return exec(cmd_sk, msg, NULL, NULL);
nla_fail:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

int nl80211_new_key(int ifindex, const uint8_t *addr, uint8_t idx,
		    uint32_t cipher, const uint8_t *key, size_t key_len,
		    const uint8_t *seq, size_t seq_len)
{
	struct nl_msg *msg = new_msg(NL80211_CMD_NEW_KEY, ifindex);
	struct nlattr *k;

	if (!msg)
		return -ENOMEM;
	if (addr)
		PUT(nla_put(msg, NL80211_ATTR_MAC, 6, addr));
	k = nla_nest_start(msg, NL80211_ATTR_KEY);
	if (!k)
		goto nla_fail;
	PUT(nla_put(msg, NL80211_KEY_DATA, (int)key_len, key));
	PUT(nla_put_u8(msg, NL80211_KEY_IDX, idx));
	PUT(nla_put_u32(msg, NL80211_KEY_CIPHER, cipher));
	PUT(nla_put_u32(msg, NL80211_KEY_TYPE, addr ? NL80211_KEYTYPE_PAIRWISE :
				NL80211_KEYTYPE_GROUP));
	if (seq && seq_len)
		PUT(nla_put(msg, NL80211_KEY_SEQ, (int)seq_len, seq));
	nla_nest_end(msg, k);
	/* the TK or GTK is in the message: wiped before it is freed */
	return exec_msg(cmd_sk, msg, NULL, NULL, true);
nla_fail:
	free_secret(msg);
	return -EMSGSIZE;
}

struct key_seq {
	uint8_t *seq;
	bool found;
};

static int on_key(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[NL80211_ATTR_MAX + 1];
	struct key_seq *ks = arg;
	int len;

	if (nla_parse(tb, NL80211_ATTR_MAX, genlmsg_attrdata(gh, 0),
		      genlmsg_attrlen(gh, 0), NULL) ||
	    !tb[NL80211_ATTR_KEY_SEQ])
		return NL_SKIP;
	len = nla_len(tb[NL80211_ATTR_KEY_SEQ]);
	if (len < 0 || len > NL80211_KEY_SEQ_LEN)
		return NL_SKIP;
	memset(ks->seq, 0, NL80211_KEY_SEQ_LEN);
	memcpy(ks->seq, nla_data(tb[NL80211_ATTR_KEY_SEQ]), (size_t)len);
	ks->found = true;
	return NL_SKIP;
}

int nl80211_get_group_key_seq(int ifindex, uint8_t idx, uint8_t *seq)
{
	struct nl_msg *msg = new_msg(NL80211_CMD_GET_KEY, ifindex);
	struct key_seq ks = { .seq = seq };
	int err;

	if (!msg)
		return -ENOMEM;
	PUT(nla_put_u8(msg, NL80211_ATTR_KEY_IDX, idx));
	err = exec(cmd_sk, msg, on_key, &ks);
	if (err)
		return err;
	return ks.found ? 0 : -ENODATA;
nla_fail:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

int nl80211_set_default_group_key(int ifindex, uint8_t idx)
{
	struct nl_msg *msg = new_msg(NL80211_CMD_SET_KEY, ifindex);
	struct nlattr *k, *types;

	if (!msg)
		return -ENOMEM;
	k = nla_nest_start(msg, NL80211_ATTR_KEY);
	if (!k)
		goto nla_fail;
	PUT(nla_put_u8(msg, NL80211_KEY_IDX, idx));
	PUT(nla_put_flag(msg, NL80211_KEY_DEFAULT));
	/* multicast only: a unicast default would encrypt EAPOL to new
	 * stations with the GTK */
	types = nla_nest_start(msg, NL80211_KEY_DEFAULT_TYPES);
	if (!types)
		goto nla_fail;
	PUT(nla_put_flag(msg, NL80211_KEY_DEFAULT_TYPE_MULTICAST));
	nla_nest_end(msg, types);
	nla_nest_end(msg, k);
	return exec(cmd_sk, msg, NULL, NULL);
nla_fail:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

static int on_station(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[NL80211_ATTR_MAX + 1];
	struct nlattr *si[NL80211_STA_INFO_MAX + 1];
	int64_t *out = arg;

	if (nla_parse(tb, NL80211_ATTR_MAX, genlmsg_attrdata(gh, 0),
		      genlmsg_attrlen(gh, 0), NULL) ||
	    !tb[NL80211_ATTR_STA_INFO] ||
	    nla_parse_nested(si, NL80211_STA_INFO_MAX,
			     tb[NL80211_ATTR_STA_INFO], NULL) ||
	    !si[NL80211_STA_INFO_INACTIVE_TIME])
		return NL_SKIP;
	*out = nla_get_u32(si[NL80211_STA_INFO_INACTIVE_TIME]);
	return NL_SKIP;
}

int nl80211_get_inactive_ms(int ifindex, const uint8_t *addr, uint32_t *ms)
{
	struct nl_msg *msg = new_msg(NL80211_CMD_GET_STATION, ifindex);
	int64_t v = -1;
	int err;

	if (!msg)
		return -ENOMEM;
	PUT(nla_put(msg, NL80211_ATTR_MAC, 6, addr));
	err = exec(cmd_sk, msg, on_station, &v);
	if (err)
		return err;
	if (v < 0)
		return -ENODATA;
	*ms = (uint32_t)v;
	return 0;
nla_fail:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

int nl80211_probe_client(int ifindex, const uint8_t *addr)
{
	return sta_cmd(NL80211_CMD_PROBE_CLIENT, ifindex, addr);
}

static uint64_t sta_info_u64(struct nlattr **si, int a64, int a32)
{
	if (si[a64])
		return nla_get_u64(si[a64]);
	return si[a32] ? nla_get_u32(si[a32]) : 0;
}

static int on_sta_counters(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[NL80211_ATTR_MAX + 1];
	struct nlattr *si[NL80211_STA_INFO_MAX + 1];
	struct nl80211_sta_counters *c = arg;

	if (nla_parse(tb, NL80211_ATTR_MAX, genlmsg_attrdata(gh, 0),
		      genlmsg_attrlen(gh, 0), NULL) ||
	    !tb[NL80211_ATTR_STA_INFO] ||
	    nla_parse_nested(si, NL80211_STA_INFO_MAX,
			     tb[NL80211_ATTR_STA_INFO], NULL))
		return NL_SKIP;
	c->valid = true;
	c->rx_bytes = sta_info_u64(si, NL80211_STA_INFO_RX_BYTES64,
				   NL80211_STA_INFO_RX_BYTES);
	c->tx_bytes = sta_info_u64(si, NL80211_STA_INFO_TX_BYTES64,
				   NL80211_STA_INFO_TX_BYTES);
	if (si[NL80211_STA_INFO_RX_PACKETS])
		c->rx_packets = nla_get_u32(si[NL80211_STA_INFO_RX_PACKETS]);
	if (si[NL80211_STA_INFO_TX_PACKETS])
		c->tx_packets = nla_get_u32(si[NL80211_STA_INFO_TX_PACKETS]);
	if (si[NL80211_STA_INFO_TX_FAILED])
		c->tx_failed = nla_get_u32(si[NL80211_STA_INFO_TX_FAILED]);
	if (si[NL80211_STA_INFO_INACTIVE_TIME])
		c->inactive_ms =
			nla_get_u32(si[NL80211_STA_INFO_INACTIVE_TIME]);
	if (si[NL80211_STA_INFO_SIGNAL]) {
		c->signal = (int8_t)nla_get_u8(si[NL80211_STA_INFO_SIGNAL]);
		c->signal_valid = true;
	}
	return NL_SKIP;
}

int nl80211_get_sta_counters(int ifindex, const uint8_t *addr,
			     struct nl80211_sta_counters *c)
{
	struct nl_msg *msg = new_msg(NL80211_CMD_GET_STATION, ifindex);
	int err;

	*c = (struct nl80211_sta_counters){ 0 };
	if (!msg)
		return -ENOMEM;
	PUT(nla_put(msg, NL80211_ATTR_MAC, 6, addr));
	err = exec(cmd_sk, msg, on_sta_counters, c);
	if (err)
		return err;
	return c->valid ? 0 : -ENODATA;
nla_fail:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

struct sta_dump {
	void (*fn)(const uint8_t *addr, void *arg);
	void *arg;
};

static int on_sta_dump(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[NL80211_ATTR_MAX + 1];
	struct sta_dump *d = arg;

	if (!nla_parse(tb, NL80211_ATTR_MAX, genlmsg_attrdata(gh, 0),
		       genlmsg_attrlen(gh, 0), NULL) &&
	    tb[NL80211_ATTR_MAC] && nla_len(tb[NL80211_ATTR_MAC]) == 6)
		d->fn(nla_data(tb[NL80211_ATTR_MAC]), d->arg);
	return NL_SKIP;
}

int nl80211_dump_stations(int ifindex,
			  void (*fn)(const uint8_t *addr, void *arg),
			  void *arg)
{
	struct sta_dump d = { fn, arg };
	struct nl_msg *msg = nlmsg_alloc();

	if (!msg)
		return -ENOMEM;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0, NLM_F_DUMP,
			 NL80211_CMD_GET_STATION, 0))
		goto nla_fail;
	PUT(nla_put_u32(msg, NL80211_ATTR_IFINDEX, (uint32_t)ifindex));
	return exec(cmd_sk, msg, on_sta_dump, &d);
nla_fail:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

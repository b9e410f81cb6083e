// SPDX-License-Identifier: GPL-2.0-only
/* PMKSA cache with OKC lookups; see pmksa.h. A flat array scanned
 * linearly: the cache is bounded and lookups happen once per association. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "keys/pmksa.h"
#include "wpa_crypto.h"

struct pmksa_cache {
	struct pmksa_entry *e;
	size_t max;
	size_t n;
	uint64_t seq;
	uint64_t (*now_ms)(void);
	struct pmksa_stats st;
};

struct pmksa_cache *pmksa_new(size_t max_entries, uint64_t (*now_ms)(void))
{
	struct pmksa_cache *c;

	if (!max_entries || !now_ms)
		return NULL;
	c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->e = calloc(max_entries, sizeof(*c->e));
	if (!c->e) {
		free(c);
		return NULL;
	}
	c->max = max_entries;
	c->now_ms = now_ms;
	return c;
}

static void drop(struct pmksa_cache *c, struct pmksa_entry *e)
{
	wpa_wipe(e, sizeof(*e));	/* used = false */
	c->n--;
}

void pmksa_free(struct pmksa_cache *c)
{
	if (!c)
		return;
	wpa_wipe(c->e, c->max * sizeof(*c->e));
	free(c->e);
	free(c);
}

static bool live(const struct pmksa_entry *e, uint64_t now)
{
	return e->used && e->expires_ms > now;
}

size_t pmksa_expire(struct pmksa_cache *c)
{
	uint64_t now = c->now_ms();
	size_t i, n = 0;

	for (i = 0; i < c->max; i++) {
		if (c->e[i].used && !live(&c->e[i], now)) {
			drop(c, &c->e[i]);
			c->st.expired++;
			n++;
		}
	}
	return n;
}

/* A free slot: an expired one, else the oldest entry is evicted. */
static struct pmksa_entry *slot(struct pmksa_cache *c)
{
	struct pmksa_entry *oldest = NULL;
	size_t i;

	if (c->n == c->max)
		pmksa_expire(c);
	for (i = 0; i < c->max; i++) {
		if (!c->e[i].used)
			return &c->e[i];
		if (!oldest || c->e[i].seq < oldest->seq)
			oldest = &c->e[i];
	}
	drop(c, oldest);
	c->st.evicted++;
	return oldest;
}

static struct pmksa_entry *find_pair(struct pmksa_cache *c,
				     const uint8_t spa[6], const uint8_t aa[6])
{
	size_t i;

	for (i = 0; i < c->max; i++)
		if (c->e[i].used && !memcmp(c->e[i].spa, spa, 6) &&
		    !memcmp(c->e[i].aa, aa, 6))
			return &c->e[i];
	return NULL;
}

/* Fill a new entry from a template (PMK, AKM, expiry, attrs, ...). */
static const struct pmksa_entry *insert(struct pmksa_cache *c,
					const struct pmksa_entry *t)
{
	struct pmksa_entry *e = find_pair(c, t->spa, t->aa);

	if (e) {
		drop(c, e);
		c->st.replaced++;
	} else {
		e = slot(c);
	}
	*e = *t;
	e->used = true;
	e->seq = ++c->seq;
	c->n++;
	c->st.added++;
	return e;
}

static bool scope_ok(const struct ft_scope *s)
{
	return s && s->akm && s->ssid_len && s->ssid_len <= sizeof(s->ssid);
}

const struct pmksa_entry *pmksa_add(struct pmksa_cache *c,
				    const uint8_t spa[6], const uint8_t aa[6],
				    const struct ft_scope *scope,
				    const uint8_t *pmk, size_t pmk_len,
				    uint32_t lifetime_s,
				    const struct eap_relay_attrs *attrs,
				    uint8_t *pmkid_out)
{
	struct pmksa_entry t;
	const struct pmksa_entry *e;

	if (pmk_len != PMKSA_PMK_LEN || !lifetime_s || !scope_ok(scope))
		return NULL;
	memset(&t, 0, sizeof(t));
	memcpy(t.spa, spa, 6);
	memcpy(t.aa, aa, 6);
	memcpy(t.pmk, pmk, PMKSA_PMK_LEN);
	if (wpa_pmkid(t.pmk, PMKSA_PMK_LEN, aa, spa, t.pmkid)) {
		wpa_wipe(&t, sizeof(t));
		return NULL;
	}
	t.scope = *scope;
	t.created_ms = c->now_ms();
	t.expires_ms = t.created_ms + (uint64_t)lifetime_s * 1000;
	if (attrs)
		t.attrs = *attrs;
	e = insert(c, &t);
	wpa_wipe(&t, sizeof(t));
	if (pmkid_out)
		memcpy(pmkid_out, e->pmkid, PMKSA_PMKID_LEN);
	return e;
}

int pmksa_add_peer(struct pmksa_cache *c, const uint8_t spa[6],
		   const uint8_t aa[6], const struct ft_scope *scope,
		   const uint8_t pmk[PMKSA_PMK_LEN],
		   const uint8_t pmkid[PMKSA_PMKID_LEN], uint32_t age_s,
		   uint32_t life_s, const struct eap_relay_attrs *attrs,
		   const uint8_t *origin, size_t origin_len)
{
	struct pmksa_entry t, *old;
	uint64_t now = c->now_ms(), age_ms = (uint64_t)age_s * 1000;
	int ret = 0;

	if (!life_s || !scope_ok(scope) || !origin || !origin_len ||
	    origin_len > PMKSA_ORIGIN_MAX || !attrs ||
	    (attrs->has_session_timeout && attrs->session_timeout &&
	     age_s >= attrs->session_timeout))
		return -EINVAL;
	old = find_pair(c, spa, aa);
	if (old && !old->origin_len)
		return -EEXIST;
	memset(&t, 0, sizeof(t));
	memcpy(t.spa, spa, 6);
	memcpy(t.aa, aa, 6);
	memcpy(t.pmk, pmk, PMKSA_PMK_LEN);
	if (wpa_pmkid(t.pmk, PMKSA_PMK_LEN, aa, spa, t.pmkid))
		ret = -EIO;
	else if (CRYPTO_memcmp(t.pmkid, pmkid, PMKSA_PMKID_LEN))
		ret = -EBADMSG;
	if (!ret) {
		t.scope = *scope;
		/* the monotonic clock may be younger than the session */
		t.created_ms = now > age_ms ? now - age_ms : 0;
		t.expires_ms = now + (uint64_t)life_s * 1000;
		t.attrs = *attrs;
		t.origin_len = (uint8_t)origin_len;
		memcpy(t.origin, origin, origin_len);
		insert(c, &t);
		c->st.peer_added++;
	}
	wpa_wipe(&t, sizeof(t));
	return ret;
}

const struct pmksa_entry *pmksa_get(struct pmksa_cache *c,
				    const uint8_t spa[6], const uint8_t aa[6],
				    const struct ft_scope *scope,
				    const uint8_t pmkid[PMKSA_PMKID_LEN])
{
	struct pmksa_entry *e = find_pair(c, spa, aa);

	if (e && live(e, c->now_ms()) && scope &&
	    ft_scope_eq(&e->scope, scope) &&
	    !CRYPTO_memcmp(e->pmkid, pmkid, PMKSA_PMKID_LEN)) {
		c->st.hits++;
		return e;
	}
	c->st.misses++;
	return NULL;
}

const struct pmksa_entry *pmksa_newest(struct pmksa_cache *c,
				       const uint8_t spa[6],
				       const struct ft_scope *ssid)
{
	const struct pmksa_entry *best = NULL;
	uint64_t now = c->now_ms();
	size_t i;

	for (i = 0; i < c->max; i++) {
		const struct pmksa_entry *e = &c->e[i];

		if (live(e, now) && !memcmp(e->spa, spa, 6) &&
		    (!ssid || ft_scope_same_ssid(&e->scope, ssid)) &&
		    (!best || e->seq > best->seq))
			best = e;
	}
	return best;
}

const struct pmksa_entry *pmksa_get_okc(struct pmksa_cache *c,
					const uint8_t spa[6],
					const uint8_t aa[6],
					const struct ft_scope *scope,
					const uint8_t pmkid[PMKSA_PMKID_LEN])
{
	uint64_t now = c->now_ms();
	uint8_t id[PMKSA_PMKID_LEN];
	size_t i;

	for (i = 0; i < c->max; i++) {
		struct pmksa_entry *e = &c->e[i], t;
		const struct pmksa_entry *n;

		/* another SSID or AKM: that authentication is no good here */
		if (!live(e, now) || memcmp(e->spa, spa, 6) ||
		    !memcmp(e->aa, aa, 6) || !scope ||
		    !ft_scope_eq(&e->scope, scope))
			continue;
		if (wpa_pmkid(e->pmk, PMKSA_PMK_LEN, aa, spa, id) ||
		    CRYPTO_memcmp(id, pmkid, PMKSA_PMKID_LEN))
			continue;
		/* the source may be the entry evicted to make room: copy */
		t = *e;
		memcpy(t.aa, aa, 6);
		memcpy(t.pmkid, id, PMKSA_PMKID_LEN);
		t.okc = true;
		n = insert(c, &t);
		wpa_wipe(&t, sizeof(t));
		c->st.okc_hits++;
		return n;
	}
	c->st.okc_misses++;
	return NULL;
}

size_t pmksa_remove(struct pmksa_cache *c, const uint8_t *spa,
		    const uint8_t *aa)
{
	size_t i, n = 0;

	for (i = 0; i < c->max; i++) {
		struct pmksa_entry *e = &c->e[i];

		if (e->used && (!spa || !memcmp(e->spa, spa, 6)) &&
		    (!aa || !memcmp(e->aa, aa, 6))) {
			drop(c, e);
			n++;
		}
	}
	c->st.removed += n;
	return n;
}

size_t pmksa_remove_origin(struct pmksa_cache *c, const uint8_t spa[6],
			   const uint8_t *origin, size_t origin_len)
{
	size_t i, n = 0;

	for (i = 0; i < c->max; i++) {
		struct pmksa_entry *e = &c->e[i];

		if (e->used && e->origin_len && e->origin_len == origin_len &&
		    !memcmp(e->spa, spa, 6) &&
		    !memcmp(e->origin, origin, origin_len)) {
			drop(c, e);
			n++;
		}
	}
	c->st.removed += n;
	c->st.peer_removed += n;
	return n;
}

size_t pmksa_flush(struct pmksa_cache *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->max; i++) {
		if (c->e[i].used) {
			drop(c, &c->e[i]);
			n++;
		}
	}
	c->st.removed += n;
	return n;
}

size_t pmksa_count(const struct pmksa_cache *c)
{
	return c->n;
}

static int by_seq(const void *a, const void *b)
{
	const struct pmksa_entry *x = *(const struct pmksa_entry *const *)a;
	const struct pmksa_entry *y = *(const struct pmksa_entry *const *)b;

	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

size_t pmksa_list(struct pmksa_cache *c, struct pmksa_info *out, size_t max)
{
	const struct pmksa_entry **v;
	uint64_t now = c->now_ms();
	size_t i, n = 0;

	v = calloc(c->max, sizeof(*v));
	if (!v)
		return 0;
	for (i = 0; i < c->max; i++)
		if (live(&c->e[i], now))
			v[n++] = &c->e[i];
	qsort(v, n, sizeof(*v), by_seq);
	if (n > max)
		n = max;
	for (i = 0; i < n; i++) {
		struct pmksa_info *o = &out[i];

		memset(o, 0, sizeof(*o));
		memcpy(o->spa, v[i]->spa, 6);
		memcpy(o->aa, v[i]->aa, 6);
		memcpy(o->pmkid, v[i]->pmkid, PMKSA_PMKID_LEN);
		o->akm = v[i]->scope.akm;
		o->ssid_len = v[i]->scope.ssid_len;
		memcpy(o->ssid, v[i]->scope.ssid, sizeof(o->ssid));
		o->expires_in_s = (uint32_t)((v[i]->expires_ms - now + 999) /
					     1000);
		o->okc = v[i]->okc;
		for (size_t j = 0; j < v[i]->origin_len; j++)
			o->origin[j] = v[i]->origin[j] >= 0x20 &&
				       v[i]->origin[j] < 0x7f ?
				       (char)v[i]->origin[j] : '?';
		o->vlan_id = v[i]->attrs.vlan_id;
		o->session_timeout = v[i]->attrs.session_timeout;
		memcpy(o->user_name, v[i]->attrs.user_name,
		       sizeof(o->user_name));
	}
	free(v);
	return n;
}

const struct pmksa_stats *pmksa_stats(const struct pmksa_cache *c)
{
	return &c->st;
}

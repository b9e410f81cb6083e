// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>
#include <string.h>

#include "fields.h"
#include "fsr_names.h"
#include "fsr_parse.h"

static struct field *add(struct field *out, size_t *n, const char *key,
			 enum field_kind kind)
{
	struct field *f = &out[(*n)++];

	memset(f, 0, sizeof(*f));
	f->key = key;
	f->kind = kind;
	return f;
}

static void add_num(struct field *out, size_t *n, const char *key,
		    uint64_t v)
{
	add(out, n, key, FIELD_NUM)->num = v;
}

static void add_str(struct field *out, size_t *n, const char *key,
		    const char *s)
{
	struct field *f = add(out, n, key, FIELD_STR);

	snprintf(f->str, sizeof(f->str), "%s", s);
}

static void add_mac(struct field *out, size_t *n, const char *key,
		    const uint8_t *mac)
{
	fsr_format_mac(mac, add(out, n, key, FIELD_STR)->str);
}

static void add_name(struct field *out, size_t *n, const char *key,
		     const uint8_t *name)
{
	fsr_format_hex(name, FSR_PMK_NAME_LEN, add(out, n, key, FIELD_STR)->str);
}

static void add_suite(struct field *out, size_t *n, const char *key,
		      const char *name, uint32_t v)
{
	struct field *f = add(out, n, key, FIELD_STR);

	if (name)
		snprintf(f->str, sizeof(f->str), "%s", name);
	else
		snprintf(f->str, sizeof(f->str), "0x%08x", v);
}

static void unknown_or(const char *name, unsigned int v, char *buf,
		       size_t size)
{
	if (name)
		snprintf(buf, size, "%s", name);
	else
		snprintf(buf, size, "unknown-%u", v);
}

void event_name(uint8_t event, char *buf, size_t size)
{
	unknown_or(fsr_event_name(event), event, buf, size);
}

void reason_name(uint8_t reason, char *buf, size_t size)
{
	unknown_or(fsr_reason_name(reason), reason, buf, size);
}

void why_name(uint8_t why, char *buf, size_t size)
{
	unknown_or(fsr_why_name(why), why, buf, size);
}

size_t fields_of(const struct fsr_rec *r, struct field out[FIELDS_MAX])
{
	size_t n = 0;

	if (fsr_rec_has(r, FSR_A_IFNAME))
		add_str(out, &n, "ifname", r->ifname);
	if (fsr_rec_has(r, FSR_A_IFINDEX))
		add_num(out, &n, "ifindex", r->ifindex);
	if (fsr_rec_has(r, FSR_A_BSSID))
		add_mac(out, &n, "bssid", r->bssid);
	if (fsr_rec_has(r, FSR_A_STA_ADDR))
		add_mac(out, &n, "sta", r->sta);
	if (fsr_rec_has(r, FSR_A_PMK_R1_NAME))
		add_name(out, &n, "pmk_r1_name", r->r1name);
	if (fsr_rec_has(r, FSR_A_PMK_R0_NAME))
		add_name(out, &n, "pmk_r0_name", r->r0name);
	if (fsr_rec_has(r, FSR_A_R0KH_ID))
		fmt_r0kh(r->r0kh, r->r0kh_len,
			 add(out, &n, "r0kh_id", FIELD_STR)->str);
	if (fsr_rec_has(r, FSR_A_R1KH_ID))
		add_mac(out, &n, "r1kh_id", r->r1kh);
	if (fsr_rec_has(r, FSR_A_AKM))
		add_suite(out, &n, "akm", fsr_akm_name(r->akm), r->akm);
	if (fsr_rec_has(r, FSR_A_PAIRWISE))
		add_suite(out, &n, "cipher", fsr_cipher_name(r->pairwise),
			  r->pairwise);
	if (fsr_rec_has(r, FSR_A_LIFETIME))
		add_num(out, &n, "lifetime", r->lifetime);
	if (fsr_rec_has(r, FSR_A_PMK_ORIGIN))
		unknown_or(fsr_pmk_origin_name(r->pmk_origin), r->pmk_origin,
			   add(out, &n, "origin", FIELD_STR)->str,
			   FMT_R0KH_MAX);
	if (fsr_rec_has(r, FSR_A_VERSION))
		add_str(out, &n, "version", r->version);
	if (fsr_rec_has(r, FSR_A_HOOK))
		add(out, &n, "hook", FIELD_BOOL)->num = !!r->hook;
	if (fsr_rec_has(r, FSR_A_BSS_COUNT))
		add_num(out, &n, "bss_count", r->bss_count);
	if (fsr_rec_has(r, FSR_A_PMK_COUNT))
		add_num(out, &n, "pmk_count", r->pmk_count);
	if (fsr_rec_has(r, FSR_A_PMK_MAX))
		add_num(out, &n, "pmk_max", r->pmk_max);
	if (fsr_rec_has(r, FSR_A_REASON))
		reason_name(r->reason, add(out, &n, "reason", FIELD_STR)->str,
			    FMT_R0KH_MAX);
	if (fsr_rec_has(r, FSR_A_GENERATION))
		add_num(out, &n, "generation", r->generation);
	if (fsr_rec_has(r, FSR_A_AID))
		add_num(out, &n, "aid", r->aid);
	if (fsr_rec_has(r, FSR_A_STATUS))
		add_num(out, &n, "status", r->status);
	if (fsr_rec_has(r, FSR_A_WHY))
		why_name(r->why, add(out, &n, "why", FIELD_STR)->str,
			 FMT_R0KH_MAX);
	if (fsr_rec_has(r, FSR_A_GTK_IDX))
		add_num(out, &n, "gtk_idx", r->gtk_idx);
	if (fsr_rec_has(r, FSR_A_SERVICE_NS))
		add_num(out, &n, "service_ns", r->service_ns);
	return n;
}

// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>

#include "format.h"

void fmt_r0kh(const uint8_t *id, size_t len, char out[FMT_R0KH_MAX])
{
	size_t i;
	char *p = out;

	for (i = 0; i < len; i++) {
		if (id[i] == '\\') {
			*p++ = '\\';
			*p++ = '\\';
		} else if (id[i] > 0x20 && id[i] < 0x7f) {
			*p++ = (char)id[i];
		} else {
			snprintf(p, 5, "\\x%02x", id[i]);
			p += 4;
		}
	}
	*p = '\0';
}

int fmt_json_print(FILE *f, struct json_object *o)
{
	const char *s;
	int ret;

	s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
					   JSON_C_TO_STRING_NOSLASHESCAPE);
	ret = s ? fprintf(f, "%s\n", s) : -1;
	json_object_put(o);
	return ret < 0 ? -1 : 0;
}

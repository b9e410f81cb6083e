/* SPDX-License-Identifier: GPL-2.0-only */
/* Arguments of "fsrctl pmk add|del|flush", parsed without any I/O. */
#ifndef FSRCTL_PMK_ARGS_H
#define FSRCTL_PMK_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/fsr.h>

#define PMK_DEFAULT_LIFETIME 3600
#define PMK_MAX_LIFETIME 2147483647u

struct pmk_args {
	uint8_t sta[6];
	bool has_sta;
	uint8_t r1name[FSR_PMK_NAME_LEN];
	uint8_t r0name[FSR_PMK_NAME_LEN];
	uint8_t r0kh[FSR_R0KH_ID_MAX_LEN];
	uint8_t r0kh_len;
	uint8_t r1kh[6];
	uint32_t akm;
	uint32_t cipher;
	uint32_t lifetime;
	const char *key_path;	/* FILE or "-" */
};

/* Each returns 0 or -EINVAL with a message naming the bad word in @err. */
int pmk_add_args(int argc, char **argv, struct pmk_args *a, char *err,
		 size_t errsize);
int pmk_del_args(int argc, char **argv, struct pmk_args *a, char *err,
		 size_t errsize);
int pmk_flush_args(int argc, char **argv, struct pmk_args *a, char *err,
		   size_t errsize);

#endif /* FSRCTL_PMK_ARGS_H */

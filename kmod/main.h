/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (C) 2026 The fsr authors. */
#ifndef _FSR_MAIN_H
#define _FSR_MAIN_H

#include <linux/types.h>

#define FSR_MODULE_VERSION "0.1"

/* Per network namespace bound on PMK-R1 cache entries (module parameter). */
extern unsigned int fsr_pmk_max;
/* Per network namespace bound on FT exchanges in progress (parameter). */
extern unsigned int fsr_pending_max;

#endif /* _FSR_MAIN_H */

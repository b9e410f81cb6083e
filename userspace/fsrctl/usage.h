/* SPDX-License-Identifier: GPL-2.0-only */
/* Help texts: a summary of docs/fsrctl.8, which has the full story. */
#ifndef FSRCTL_USAGE_H
#define FSRCTL_USAGE_H

#include <stdio.h>

void usage_all(FILE *f);
/* Help on one topic (a command name); -1 when there is no such topic. */
int usage_topic(FILE *f, const char *topic);

#endif /* FSRCTL_USAGE_H */

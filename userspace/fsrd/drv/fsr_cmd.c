// SPDX-License-Identifier: GPL-2.0-only
/* fsrd's command socket to fsr.ko (fsr_cmd.h). */
#include <stdbool.h>

#include "drv/fsr_cmd.h"

static struct fsr_nl cmd_nl;
static bool cmd_open;

int fsr_cmd_get(struct fsr_nl **nl, struct fsr_nlerr *e)
{
	int ret;

	if (!cmd_open) {
		ret = fsr_nl_open(&cmd_nl, e);
		if (ret)
			return ret;
		cmd_open = true;
	}
	*nl = &cmd_nl;
	return 0;
}

void fsr_cmd_done(int ret)
{
	if (ret)
		fsr_cmd_close();
}

void fsr_cmd_close(void)
{
	if (cmd_open)
		fsr_nl_close(&cmd_nl);
	cmd_open = false;
}

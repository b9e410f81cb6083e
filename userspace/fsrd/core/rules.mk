# fsrd core: main, event loop, log, per-client trace. See userspace/Makefile.
FSRD_SRCS += core/main.c core/log.c core/evloop.c core/trace.c \
	core/trace_event.c

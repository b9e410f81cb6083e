# fsrd core: main, event loop, log, per-client trace, the bounded string
# builder. See userspace/Makefile.
FSRD_SRCS += core/main.c core/log.c core/evloop.c core/trace.c core/auth_stats.c \
	core/trace_event.c core/reload.c core/strbuf.c

# The event loop alone, sanitized.
EVLOOP_T_SRCS := $(SRC)/fsrd/core/evloop.c
FSRD_TESTS += $(OBJ)/tests/test_evloop

$(OBJ)/tests/test_evloop: $(SRC)/tests/test_evloop.c $(EVLOOP_T_SRCS) \
		$(SRC)/fsrd/core/evloop.h $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(EVLOOP_T_SRCS)

# The logger with the test's own clock.
FSRD_TESTS += $(OBJ)/tests/test_log

$(OBJ)/tests/test_log: $(SRC)/tests/test_log.c $(SRC)/fsrd/core/log.c \
		$(SRC)/fsrd/core/log.h $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(SRC)/fsrd/core/log.c

# The bounded string builder (strbuf.c, pure).
FSRD_TESTS += $(OBJ)/tests/test_strbuf

$(OBJ)/tests/test_strbuf: $(SRC)/tests/test_strbuf.c $(SRC)/fsrd/core/strbuf.c \
		$(SRC)/fsrd/core/strbuf.h $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(SRC)/fsrd/core/strbuf.c

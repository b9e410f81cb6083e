# fsrd control socket and per-client trace (owner: CTL).
# ctl.c serves the socket; ctl_proto.c (pure) parses requests and builds
# the reply objects; ctl_auth.c the 802.1X views (PMKSA cache, counters);
# trace.c / trace_event.c are the per-client trace.
FSRD_SRCS += ctl.c ctl_auth.c ctl_proto.c trace.c trace_event.c
# json-c comes with $(LIBS) (fsrctl's packages), linked into fsrd too.

CTL_T_SRCS := $(SRC)/fsrd/ctl_proto.c $(SRC)/fsrd/trace_event.c \
	$(SRC)/lib/fsr_names.c
FSRD_TESTS += $(OBJ)/tests/test_fsrd_ctl

$(OBJ)/tests/test_fsrd_ctl: $(SRC)/tests/test_fsrd_ctl.c $(CTL_T_SRCS) \
		$(SRC)/fsrd/ctl_proto.h $(SRC)/fsrd/trace.h $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $(SRC)/tests/test_fsrd_ctl.c \
		$(CTL_T_SRCS) $(LIBS)

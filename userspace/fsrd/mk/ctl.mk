# fsrd control socket and per-client trace (owner: CTL).
# ctl.c serves the socket; ctl_proto.c (pure) parses requests and builds
# the reply objects; ctl_auth.c the 802.1X views (PMKSA cache, counters),
# ctl_auth_fmt.c (pure) their JSON;
# trace.c / trace_event.c are the per-client trace.
FSRD_SRCS += ctl.c ctl_auth.c ctl_auth_fmt.c ctl_proto.c trace.c trace_event.c
# json-c comes with $(LIBS) (fsrctl's packages), linked into fsrd too.

CTL_T_SRCS := $(SRC)/fsrd/ctl_proto.c $(SRC)/fsrd/ctl_auth_fmt.c \
	$(SRC)/fsrd/trace_event.c $(SRC)/lib/fsr_names.c
# the counter structs whose every field the test checks
CTL_T_HDRS := $(addprefix $(SRC)/fsrd/,ctl_proto.h ctl_auth.h trace.h \
	sta_eap.h pmksa.h eap_relay.h radius_client.h)
FSRD_TESTS += $(OBJ)/tests/test_fsrd_ctl

$(OBJ)/tests/test_fsrd_ctl: $(SRC)/tests/test_fsrd_ctl.c $(CTL_T_SRCS) \
		$(CTL_T_HDRS) $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $(SRC)/tests/test_fsrd_ctl.c \
		$(CTL_T_SRCS) $(LIBS)

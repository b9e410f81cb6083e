# fsrd control socket. ctl.c serves the socket; ctl_proto.c (pure) parses
# requests and builds the reply objects; ctl_auth.c the 802.1X views (PMKSA
# cache, counters), ctl_auth_fmt.c (pure) their JSON; ctl_portal.c the
# Portal sessions and counters; ctl_nmsp.c the location servers and the
# link's counters; ctl_peer.c the mobility domain's R0KH/R1KH peers.
FSRD_SRCS += ctl/ctl.c ctl/ctl_auth.c ctl/ctl_auth_fmt.c ctl/ctl_proto.c \
	ctl/ctl_portal.c ctl/ctl_nmsp.c ctl/ctl_peer.c
# json-c comes with $(LIBS) (fsrctl's packages), linked into fsrd too.

CTL_T_SRCS := $(addprefix $(SRC)/fsrd/,ctl/ctl_proto.c ctl/ctl_auth_fmt.c \
	core/trace_event.c) $(SRC)/lib/fsr_names.c $(SRC)/lib/fsr_parse.c
# the counter structs whose every field the test checks
CTL_T_HDRS := $(addprefix $(SRC)/fsrd/,ctl/ctl_proto.h ctl/ctl_auth.h \
	core/trace.h core/auth_stats.h keys/pmksa.h eap/eap_relay.h \
	radius/radius_client.h)
FSRD_TESTS += $(OBJ)/tests/test_fsrd_ctl

$(OBJ)/tests/test_fsrd_ctl: $(SRC)/tests/test_fsrd_ctl.c $(CTL_T_SRCS) \
		$(CTL_T_HDRS) $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $(SRC)/tests/test_fsrd_ctl.c \
		$(CTL_T_SRCS) $(LIBS)

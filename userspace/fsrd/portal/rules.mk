# Portal authentication, access-controller side (docs/portal.md): the
# packet codec (portal_msg.c) and the protocol engine (portal_sess.c),
# both pure, unit-tested and fuzzed; the daemon's service (portal_svc.c);
# enforcement with nftables (portal_fw_rules.c builds the nft scripts,
# pure and unit-tested; portal_fw.c runs them through libnftables); a
# session following its station to another fsrd AP (portal_roam.c).
FSRD_SRCS += portal/portal_msg.c portal/portal_sess.c portal/portal_svc.c \
	portal/portal_fw_rules.c portal/portal_fw.c portal/portal_das.c \
	portal/portal_acct.c portal/portal_http_msg.c portal/portal_http.c \
	portal/portal_roam.c
FSRD_PKGS += libnftables

FSRD_TESTS += $(OBJ)/tests/test_portal_fw

PORTAL_FW_T_SRCS := $(SRC)/fsrd/portal/portal_fw_rules.c \
	$(SRC)/fsrd/core/strbuf.c

$(OBJ)/tests/test_portal_fw: $(SRC)/tests/test_portal_fw.c \
		$(PORTAL_FW_T_SRCS) $(SRC)/fsrd/portal/portal_fw_rules.h \
		$(SRC)/fsrd/core/strbuf.h $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(PORTAL_FW_T_SRCS)
PORTAL_T_SRCS := $(SRC)/fsrd/portal/portal_msg.c \
	$(SRC)/fsrd/radius/radius_auth.c $(SRC)/fsrd/radius/radius_msg.c
FSRD_TESTS += $(OBJ)/tests/test_portal_msg

$(OBJ)/tests/test_portal_msg: $(SRC)/tests/test_portal_msg.c \
		$(PORTAL_T_SRCS) $(SRC)/fsrd/portal/portal_msg.h \
		$(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(PORTAL_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

# The AC's protocol engine (portal_sess.c, pure) with a fake daemon.
PORTAL_SESS_T_SRCS := $(SRC)/fsrd/portal/portal_sess.c $(PORTAL_T_SRCS)
FSRD_TESTS += $(OBJ)/tests/test_portal_sess

$(OBJ)/tests/test_portal_sess: $(SRC)/tests/test_portal_sess.c \
		$(PORTAL_SESS_T_SRCS) $(wildcard $(SRC)/fsrd/portal/*.h) \
		$(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(PORTAL_SESS_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

# Which Portal sessions a Disconnect-Request names (portal_das.c, pure).
PORTAL_DAS_T_SRCS := $(SRC)/fsrd/portal/portal_das.c \
	$(SRC)/fsrd/radius/radius_msg.c
FSRD_TESTS += $(OBJ)/tests/test_portal_das

$(OBJ)/tests/test_portal_das: $(SRC)/tests/test_portal_das.c \
		$(PORTAL_DAS_T_SRCS) $(wildcard $(SRC)/fsrd/portal/*.h) \
		$(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(PORTAL_DAS_T_SRCS)

# The captive redirect's HTTP (portal_http_msg.c, pure).
FSRD_TESTS += $(OBJ)/tests/test_portal_http

PORTAL_HTTP_T_SRCS := $(SRC)/fsrd/portal/portal_http_msg.c \
	$(SRC)/fsrd/core/strbuf.c

$(OBJ)/tests/test_portal_http: $(SRC)/tests/test_portal_http.c \
		$(PORTAL_HTTP_T_SRCS) $(SRC)/fsrd/portal/portal_http_msg.h \
		$(SRC)/fsrd/core/strbuf.h $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(PORTAL_HTTP_T_SRCS)

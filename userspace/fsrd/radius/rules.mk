# fsrd RADIUS client. radius_msg.c: packet codec; radius_auth.c:
# authenticators, Message-Authenticator, User-Password, MS-MPPE keys
# (OpenSSL 3); radius_client.c: the client (failover, retransmission) and
# the RFC 5176 DAS; radius_addr.c parses addresses.
FSRD_SRCS += radius/radius_msg.c radius/radius_auth.c radius/radius_client.c \
	radius/radius_addr.c radius/radius_svc.c
FSRD_PKGS += libcrypto

# Unit tests: sanitized builds with the event loop and the logger.
RADIUS_T_SRCS := $(addprefix $(SRC)/fsrd/,radius/radius_msg.c \
	radius/radius_auth.c radius/radius_client.c radius/radius_addr.c \
	core/evloop.c core/log.c)
RADIUS_T_HDRS := $(addprefix $(SRC)/fsrd/,radius/radius_msg.h \
	radius/radius_auth.h radius/radius_client.h core/evloop.h \
	core/log.h) $(SRC)/tests/tap.h
RADIUS_TESTS := test_radius_msg test_radius_client
FSRD_TESTS += $(RADIUS_TESTS:%=$(OBJ)/tests/%)

$(OBJ)/tests/test_radius_%: $(SRC)/tests/test_radius_%.c $(RADIUS_T_SRCS) \
		$(RADIUS_T_HDRS)
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(RADIUS_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

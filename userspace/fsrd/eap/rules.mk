# fsrd's 802.1X authenticator: eap_relay.c is the EAP relay state machine
# of one station (EAPOL <-> RADIUS), pure code; sta_eap.c drives it for the
# daemon (PMKSA lookup at association, EAP, accounting, DAS).
FSRD_SRCS += eap/eap_relay.c eap/sta_eap.c

# The relay test also runs the real RADIUS client on loopback.
EAP_T_SRCS := $(addprefix $(SRC)/fsrd/,eap/eap_relay.c radius/radius_msg.c \
	radius/radius_auth.c radius/radius_client.c radius/radius_addr.c \
	core/evloop.c core/log.c)
EAP_T_HDRS := $(addprefix $(SRC)/fsrd/,eap/eap_relay.h radius/radius_msg.h \
	radius/radius_client.h radius/radius_auth.h core/evloop.h) \
	$(SRC)/tests/tap.h
FSRD_TESTS += $(OBJ)/tests/test_eap_relay

$(OBJ)/tests/test_eap_relay: $(SRC)/tests/test_eap_relay.c $(EAP_T_SRCS) \
		$(EAP_T_HDRS)
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(EAP_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

# The per-station limit of full EAP authentications (eap_max_starts).
FSRD_SRCS += eap/eap_limit.c
FSRD_TESTS += $(OBJ)/tests/test_eap_limit

$(OBJ)/tests/test_eap_limit: $(SRC)/tests/test_eap_limit.c \
		$(SRC)/fsrd/eap/eap_limit.c $(SRC)/fsrd/eap/eap_limit.h \
		$(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(SRC)/fsrd/eap/eap_limit.c

# fsrd 802.1X authenticator (owner: EAP; issue 5): eap_relay.c is the EAP
# relay state machine of one station (EAPOL <-> RADIUS), pmksa.c the
# PMKSA cache (PMKID, OKC), both pure code; sta_eap.c drives them for the
# daemon (PMKSA lookup at association, EAP, accounting, DAS).
# radius_msg.c comes with radius.mk, wpa_crypto.c with wpa.mk.
FSRD_SRCS += eap_relay.c pmksa.c sta_eap.c

# Unit tests: sanitized builds; the relay test also runs the real RADIUS
# client on loopback, the PMKSA test needs the WPA crypto for the PMKID.
EAP_T_SRCS := $(addprefix $(SRC)/fsrd/,eap_relay.c radius_msg.c \
	radius_auth.c radius_client.c radius_addr.c evloop.c log.c)
EAP_T_HDRS := $(addprefix $(SRC)/fsrd/,eap_relay.h radius_msg.h \
	radius_client.h radius_auth.h evloop.h) $(SRC)/tests/tap.h
PMKSA_T_SRCS := $(SRC)/fsrd/pmksa.c $(SRC)/lib/wpa_crypto.c \
	$(SRC)/lib/crypto_openssl.c $(TOP)/kmod/ft/ft_keywrap.c
PMKSA_T_HDRS := $(SRC)/fsrd/pmksa.h $(SRC)/fsrd/eap_relay.h \
	$(SRC)/lib/wpa_crypto.h $(SRC)/tests/tap.h
FSRD_TESTS += $(OBJ)/tests/test_eap_relay $(OBJ)/tests/test_pmksa

$(OBJ)/tests/test_eap_relay: $(SRC)/tests/test_eap_relay.c $(EAP_T_SRCS) \
		$(EAP_T_HDRS)
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(EAP_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

$(OBJ)/tests/test_pmksa: $(SRC)/tests/test_pmksa.c $(PMKSA_T_SRCS) \
		$(PMKSA_T_HDRS)
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(TOP)/kmod/ft -I$(SRC)/tests -o $@ $< $(PMKSA_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

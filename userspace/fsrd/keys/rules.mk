# fsrd's key stores: the PMKSA cache (PMKID, OKC) and the PMK-R0 store,
# both pure code; revoke.c, the one call that forgets every key of a
# station (docs/keys.md).
FSRD_SRCS += keys/pmksa.c keys/ft_store.c keys/r1_store.c keys/revoke.c \
	keys/keystore.c

# The PMKSA test needs the WPA crypto for the PMKID.
PMKSA_T_SRCS := $(SRC)/fsrd/keys/pmksa.c $(SRC)/lib/wpa_crypto.c \
	$(SRC)/lib/crypto_openssl.c $(TOP)/kmod/ft/ft_keywrap.c
PMKSA_T_HDRS := $(SRC)/fsrd/keys/pmksa.h $(SRC)/fsrd/keys/scope.h $(SRC)/fsrd/eap/eap_relay.h \
	$(SRC)/lib/wpa_crypto.h $(SRC)/tests/tap.h
FSRD_TESTS += $(OBJ)/tests/test_pmksa

$(OBJ)/tests/test_pmksa: $(SRC)/tests/test_pmksa.c $(PMKSA_T_SRCS) \
		$(PMKSA_T_HDRS)
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(TOP)/kmod/ft -I$(SRC)/tests -o $@ $< $(PMKSA_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

# The revocation point with the real stores and station table; the kernel
# flush, the BSS list, station drops and the log are the test's fakes.
REVOKE_T_SRCS := $(addprefix $(SRC)/fsrd/,keys/revoke.c keys/pmksa.c keys/r1_store.c \
	keys/ft_store.c ap/sta_table.c) $(SRC)/lib/wpa_crypto.c \
	$(SRC)/lib/crypto_openssl.c $(TOP)/kmod/ft/ft_keywrap.c \
	$(SRC)/lib/fsr_parse.c $(SRC)/lib/fsr_names.c
FSRD_TESTS += $(OBJ)/tests/test_revoke

$(OBJ)/tests/test_revoke: $(SRC)/tests/test_revoke.c $(REVOKE_T_SRCS) \
		$(wildcard $(SRC)/fsrd/*/*.h) $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(TOP)/kmod/ft -I$(SRC)/tests -o $@ $< $(REVOKE_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

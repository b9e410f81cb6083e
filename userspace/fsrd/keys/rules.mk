# fsrd's key stores: the PMKSA cache (PMKID, OKC) and the PMK-R0 store,
# both pure code.
FSRD_SRCS += keys/pmksa.c keys/ft_store.c

# The PMKSA test needs the WPA crypto for the PMKID.
PMKSA_T_SRCS := $(SRC)/fsrd/keys/pmksa.c $(SRC)/lib/wpa_crypto.c \
	$(SRC)/lib/crypto_openssl.c $(TOP)/kmod/ft/ft_keywrap.c
PMKSA_T_HDRS := $(SRC)/fsrd/keys/pmksa.h $(SRC)/fsrd/eap/eap_relay.h \
	$(SRC)/lib/wpa_crypto.h $(SRC)/tests/tap.h
FSRD_TESTS += $(OBJ)/tests/test_pmksa

$(OBJ)/tests/test_pmksa: $(SRC)/tests/test_pmksa.c $(PMKSA_T_SRCS) \
		$(PMKSA_T_HDRS)
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(TOP)/kmod/ft -I$(SRC)/tests -o $@ $< $(PMKSA_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

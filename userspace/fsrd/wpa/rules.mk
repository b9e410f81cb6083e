# fsrd's WPA2 authenticator (wpa_auth.c: 4-way and group-key handshakes;
# sta_wpa.c: the daemon's glue), with the WPA2 key hierarchy and EAPOL-Key
# frames (lib/wpa_crypto.c, lib/eapol_key.c) and the shared FT code with
# its OpenSSL backend.
FSRD_SRCS += wpa/wpa_auth.c wpa/sta_wpa.c
FSRD_LIB_SRCS += wpa_crypto.c eapol_key.c crypto_openssl.c
FSRD_FT_SRCS += ft_kdf.c ft_ie.c ft_mic.c ft_keywrap.c
FSRD_PKGS += libcrypto

# these lib/ files include the crypto shim header from kmod/ft/
$(OBJ)/lib/wpa_crypto.o $(OBJ)/lib/eapol_key.o $(OBJ)/lib/crypto_openssl.o: \
	FSR_CFLAGS += -I$(TOP)/kmod/ft

# Unit tests: each is one sanitized build of the test and everything the
# authenticator needs (no daemon code, no netlink).
WPA_T_SRCS := $(SRC)/fsrd/wpa/wpa_auth.c $(SRC)/lib/wpa_crypto.c \
	$(SRC)/lib/eapol_key.c $(SRC)/lib/crypto_openssl.c \
	$(addprefix $(TOP)/kmod/ft/,ft_kdf.c ft_ie.c ft_mic.c ft_keywrap.c)
WPA_T_HDRS := $(SRC)/fsrd/wpa/wpa_auth.h $(SRC)/lib/wpa_crypto.h \
	$(SRC)/lib/eapol_key.h $(SRC)/tests/tap.h
WPA_TESTS := test_wpa_crypto test_wpa_handshake
FSRD_TESTS += $(WPA_TESTS:%=$(OBJ)/tests/%)

$(OBJ)/tests/test_wpa_%: $(SRC)/tests/test_wpa_%.c $(WPA_T_SRCS) $(WPA_T_HDRS)
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(TOP)/kmod/ft -I$(SRC)/tests -o $@ $< $(WPA_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

# The mobility domain across hosts: hostapd's R0KH/R1KH key transport
# (RRB). rrb_siv.c, rrb_msg.c and rrb_seq.c are pure (docs/mobility.md).
FSRD_SRCS += mobility/rrb_siv.c mobility/rrb_msg.c mobility/rrb_seq.c \
	mobility/rrb_sock.c mobility/mobility.c mobility/push.c \
	mobility/revoke.c mobility/pull.c mobility/learn.c mobility/ds_msg.c \
	mobility/ds.c mobility/pmksa_msg.c mobility/pmksa_share.c \
	mobility/portal_roam_msg.c mobility/portal_roam.c

RRB_T_SRCS := $(addprefix $(SRC)/fsrd/mobility/,rrb_siv.c rrb_msg.c \
	rrb_seq.c ds_msg.c pmksa_msg.c portal_roam_msg.c) $(SRC)/lib/crypto_openssl.c $(TOP)/kmod/ft/ft_kdf.c \
	$(TOP)/kmod/ft/ft_keywrap.c
FSRD_TESTS += $(OBJ)/tests/test_rrb

$(OBJ)/tests/test_rrb: $(SRC)/tests/test_rrb.c $(RRB_T_SRCS) \
		$(wildcard $(SRC)/fsrd/mobility/*.h) $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(TOP)/kmod/ft -I$(SRC)/tests -o $@ $< $(RRB_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

# The peers learned through wildcard lines (learn.c) with the real codec
# and SIV; the clock, the pending pulls and the log are the test's fakes.
LEARN_T_SRCS := $(addprefix $(SRC)/fsrd/mobility/,learn.c rrb_siv.c \
	rrb_msg.c) $(SRC)/lib/crypto_openssl.c $(SRC)/lib/fsr_parse.c \
	$(SRC)/lib/fsr_names.c $(TOP)/kmod/ft/ft_kdf.c $(TOP)/kmod/ft/ft_keywrap.c
FSRD_TESTS += $(OBJ)/tests/test_rkh_learn

$(OBJ)/tests/test_rkh_learn: $(SRC)/tests/test_rkh_learn.c $(LEARN_T_SRCS) \
		$(wildcard $(SRC)/fsrd/*/*.h) $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(TOP)/kmod/ft -I$(SRC)/tests -o $@ $< $(LEARN_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

# The PMKSA sharing policy (pmksa_share.c) with the real PMKSA cache and
# message codec; the transport, the BSS list, the clock and the log are
# the test's fakes.
SHARE_T_SRCS := $(addprefix $(SRC)/fsrd/,mobility/pmksa_share.c \
	mobility/pmksa_msg.c mobility/rrb_msg.c mobility/rrb_siv.c keys/pmksa.c) \
	$(SRC)/lib/wpa_crypto.c $(SRC)/lib/crypto_openssl.c $(SRC)/lib/fsr_parse.c \
	$(SRC)/lib/fsr_names.c \
	$(TOP)/kmod/ft/ft_kdf.c $(TOP)/kmod/ft/ft_keywrap.c
FSRD_TESTS += $(OBJ)/tests/test_pmksa_share

$(OBJ)/tests/test_pmksa_share: $(SRC)/tests/test_pmksa_share.c \
		$(SHARE_T_SRCS) $(wildcard $(SRC)/fsrd/*/*.h) $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(TOP)/kmod/ft -I$(SRC)/tests -o $@ $< $(SHARE_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

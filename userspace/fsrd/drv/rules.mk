# fsrd's drivers: nl80211 (libnl-3), one-EtherType packet sockets
# (packet_sock.c; the EAPOL socket here, the RRB one in mobility/), fsr.ko's
# FT fast path (attach and configure the FT BSSes, adopt the stations the
# kernel served), following fsr.ko being loaded and unloaded
# (kmod_watch.c), the neighbour table (neigh.c: which station has an
# IPv4 address) and links (link.c: which bridge a BSS is a port of),
# each one rtnetlink question (rtnl.c).
# fastpath_msg.c is the pure part (messages, AID split, adoption keys).
FSRD_SRCS += drv/nl80211.c drv/packet_sock.c drv/eapol_sock.c drv/fastpath.c \
	drv/fastpath_msg.c \
	drv/kmod_watch.c drv/neigh.c drv/link.c drv/rtnl.c drv/fsr_cmd.c
FSRD_LIB_SRCS += fsr_nl.c fsr_nlerr.c fsr_names.c
FSRD_PKGS += libnl-3.0 libnl-genl-3.0

FP_T_SRCS := $(addprefix $(SRC)/fsrd/,drv/fastpath_msg.c ap/ies.c \
	ap/sta_table.c) $(SRC)/lib/crypto_openssl.c \
	$(addprefix $(TOP)/kmod/ft/,ft_kdf.c ft_ie.c ft_keywrap.c)
FSRD_TESTS += $(OBJ)/tests/test_fsrd_fastpath

$(OBJ)/tests/test_fsrd_fastpath: $(SRC)/tests/test_fsrd_fastpath.c \
		$(FP_T_SRCS) $(SRC)/fsrd/drv/fastpath_msg.h \
		$(SRC)/fsrd/ap/ies.h $(SRC)/fsrd/ap/sta_table.h \
		$(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(TOP)/kmod/ft -I$(SRC)/tests -o $@ \
		$(SRC)/tests/test_fsrd_fastpath.c $(FP_T_SRCS) $(LIBS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

FSRD_TESTS += $(OBJ)/tests/test_rtnl

$(OBJ)/tests/test_rtnl: $(SRC)/tests/test_rtnl.c $(SRC)/fsrd/drv/rtnl.c \
		$(SRC)/fsrd/drv/rtnl.h $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(SRC)/fsrd/drv/rtnl.c

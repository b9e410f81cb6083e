# fsrd core: main, event loop, nl80211, MLME, stations (owner: CORE).
# See the comment block of userspace/Makefile.
FSRD_SRCS += main.c log.c evloop.c nl80211.c eapol_sock.c ies.c \
	assoc_req.c sta_table.c bss.c mlme.c sta_wpa.c ft_store.c ft_roam.c \
	pmk_push.c
FSRD_LIB_SRCS += fsr_nl.c fsr_nlerr.c fsr_names.c
# ft_ie.c (RSNE/MDE parsing) comes with wpa.mk: listing it twice links it twice
FSRD_PKGS += libnl-3.0 libnl-genl-3.0

# Unit tests of the pure parts: frame builders, association request
# checks, station table, PMK-R0 store; sanitized, linked with ft_ie.c only.
CORE_T_SRCS := $(SRC)/fsrd/ies.c $(SRC)/fsrd/assoc_req.c \
	$(SRC)/fsrd/sta_table.c $(SRC)/fsrd/evloop.c $(SRC)/fsrd/ft_store.c \
	$(TOP)/kmod/ft/ft_ie.c
FSRD_TESTS += $(OBJ)/tests/test_fsrd_core

$(OBJ)/tests/test_fsrd_core: $(SRC)/tests/test_fsrd_core.c $(CORE_T_SRCS) \
		$(wildcard $(SRC)/fsrd/*.h) $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests \
		-I$(TOP)/kmod/ft -o $@ $(SRC)/tests/test_fsrd_core.c \
		$(CORE_T_SRCS)

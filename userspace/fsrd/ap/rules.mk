# fsrd's access points: BSS lifecycle, MLME (authentication and
# association), the station table, the elements of beacons and responses,
# (Re)Association Request checks.
FSRD_SRCS += ap/bss.c ap/mlme.c ap/ft_assoc.c ap/sta_table.c ap/ies.c \
	ap/assoc_req.c \
	ap/resync.c ap/ft_ds.c

# Unit tests of the pure parts: frame builders, association request
# checks, station table, event loop, PMK-R0 store; sanitized, linked with
# ft_ie.c only.
CORE_T_SRCS := $(addprefix $(SRC)/fsrd/,ap/ies.c ap/assoc_req.c \
	ap/sta_table.c core/evloop.c keys/ft_store.c) $(TOP)/kmod/ft/ft_ie.c
FSRD_TESTS += $(OBJ)/tests/test_fsrd_core

$(OBJ)/tests/test_fsrd_core: $(SRC)/tests/test_fsrd_core.c $(CORE_T_SRCS) \
		$(wildcard $(SRC)/fsrd/*/*.h) $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests \
		-I$(TOP)/kmod/ft -o $@ $(SRC)/tests/test_fsrd_core.c \
		$(CORE_T_SRCS)

# fsrd's FT roam around its Reassociation Response (ft_assoc.c) with fakes
# for nl80211, the timers and the rest of the daemon.
FT_ASSOC_T_SRCS := $(addprefix $(SRC)/fsrd/,ap/ft_assoc.c ap/sta_table.c)
FSRD_TESTS += $(OBJ)/tests/test_ft_assoc

$(OBJ)/tests/test_ft_assoc: $(SRC)/tests/test_ft_assoc.c $(FT_ASSOC_T_SRCS) \
		$(wildcard $(SRC)/fsrd/*/*.h) $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -I$(TOP)/kmod/ft -o $@ $< $(FT_ASSOC_T_SRCS)

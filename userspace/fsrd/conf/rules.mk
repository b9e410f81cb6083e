# fsrd configuration file parser. See userspace/Makefile.
# config.c reads the file; config_keys.c knows the keys and their values;
# config_radius.c the RADIUS sections; config_portal.c the Portal ones;
# config_nmsp.c the location-server link's; conf_edit.c the changes fsrd
# writes back (fsrctl nmsp authlist).
FSRD_SRCS += conf/config.c conf/config_keys.c conf/config_radius.c \
	conf/config_portal.c conf/config_nmsp.c conf/conf_edit.c
FSRD_LIB_SRCS += fsr_parse.c fsr_names.c
FSRD_PKGS += inih libcrypto
FSRD_TESTS += $(OBJ)/tests/test_fsrd_config

CONFIG_T_SRCS := $(addprefix $(SRC)/fsrd/,conf/config.c conf/config_keys.c \
	conf/config_radius.c conf/config_portal.c conf/config_nmsp.c \
	nmsp/nmsp_auth.c radius/radius_addr.c core/log.c core/evloop.c) \
	$(SRC)/lib/fsr_parse.c $(SRC)/lib/fsr_names.c
CONFIG_T_PKGS := inih libcrypto

# The unit test builds its own sanitized copy of the parser.
$(OBJ)/tests/test_fsrd_config: $(SRC)/tests/test_fsrd_config.c \
		$(CONFIG_T_SRCS) $(wildcard $(SRC)/fsrd/conf/*.h) \
		$(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(FSR_CFLAGS) $(SAN) -I$(SRC)/fsrd -I$(SRC)/tests \
		$(shell $(PKG_CONFIG) --cflags $(CONFIG_T_PKGS)) -o $@ \
		$(SRC)/tests/test_fsrd_config.c $(CONFIG_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs $(CONFIG_T_PKGS))

# editing the file: pure line edits, the atomic replace on /tmp
CONF_EDIT_T_SRCS := $(SRC)/fsrd/conf/conf_edit.c $(SRC)/fsrd/nmsp/nmsp_auth.c \
	$(SRC)/lib/fsr_parse.c $(SRC)/lib/fsr_names.c
FSRD_TESTS += $(OBJ)/tests/test_conf_edit

$(OBJ)/tests/test_conf_edit: $(SRC)/tests/test_conf_edit.c \
		$(CONF_EDIT_T_SRCS) $(SRC)/fsrd/conf/conf_edit.h \
		$(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(CONF_EDIT_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

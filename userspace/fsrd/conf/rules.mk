# fsrd configuration file parser. See userspace/Makefile.
# config.c reads the file; config_keys.c knows the keys and their values;
# config_radius.c the RADIUS sections; config_portal.c the Portal ones;
# config_nmsp.c the location-server link's.
FSRD_SRCS += conf/config.c conf/config_keys.c conf/config_radius.c \
	conf/config_portal.c conf/config_nmsp.c
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

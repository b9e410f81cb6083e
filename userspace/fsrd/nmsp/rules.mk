# The location-server link (NMSP-style, docs/nmsp.md). So far its message
# codec (nmsp_msg.c, pure: unit-tested and fuzzed); the TLS server and
# client that will use it are not built yet, so nothing here is linked
# into fsrd.
NMSP_T_SRCS := $(SRC)/fsrd/nmsp/nmsp_msg.c
FSRD_TESTS += $(OBJ)/tests/test_nmsp_msg

$(OBJ)/tests/test_nmsp_msg: $(SRC)/tests/test_nmsp_msg.c $(NMSP_T_SRCS) \
		$(SRC)/fsrd/nmsp/nmsp_msg.h $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(NMSP_T_SRCS)

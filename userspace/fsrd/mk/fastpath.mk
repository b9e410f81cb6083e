# fsrd's use of fsr.ko's FT fast path (owner: FASTPATH): attach and
# configure the FT BSSes, adopt the stations the kernel served.
# fastpath_msg.c is the pure part (messages, AID split, adoption keys).
FSRD_SRCS += fastpath.c fastpath_msg.c

FP_T_SRCS := $(SRC)/fsrd/fastpath_msg.c $(SRC)/fsrd/ies.c \
	$(SRC)/fsrd/sta_table.c $(SRC)/lib/crypto_openssl.c \
	$(addprefix $(TOP)/kmod/ft/,ft_kdf.c ft_ie.c ft_keywrap.c)
FSRD_TESTS += $(OBJ)/tests/test_fsrd_fastpath

$(OBJ)/tests/test_fsrd_fastpath: $(SRC)/tests/test_fsrd_fastpath.c \
		$(FP_T_SRCS) $(SRC)/fsrd/fastpath_msg.h $(SRC)/fsrd/ies.h \
		$(SRC)/fsrd/sta_table.h $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(TOP)/kmod/ft -I$(SRC)/tests -o $@ \
		$(SRC)/tests/test_fsrd_fastpath.c $(FP_T_SRCS) $(LIBS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

# The location-server link (NMSP-style, docs/nmsp.md): the codec, the
# auth list, one peer's conversation, the RSSI threshold filter and the
# TLS server, with client mode's dialling (nmsp_dial.c, its order of
# tries in nmsp_backoff.c), each with its unit test (README.md); nmsp_stations.c gives
# the server fsrd's stations and their signal; the [nmsp] section
# (conf/config_nmsp.c) starts the server (core/main.c).
FSRD_SRCS += nmsp/nmsp_msg.c nmsp/nmsp_auth.c nmsp/nmsp_peer.c \
	nmsp/nmsp_svc.c nmsp/nmsp_rssi.c nmsp/nmsp_probes.c \
	nmsp/nmsp_stations.c nmsp/nmsp_backoff.c nmsp/nmsp_dial.c
FSRD_PKGS += libssl

NMSP_T_SRCS := $(SRC)/fsrd/nmsp/nmsp_msg.c
FSRD_TESTS += $(OBJ)/tests/test_nmsp_msg

$(OBJ)/tests/test_nmsp_msg: $(SRC)/tests/test_nmsp_msg.c $(NMSP_T_SRCS) \
		$(SRC)/fsrd/nmsp/nmsp_msg.h $(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(NMSP_T_SRCS)

# the auth list: MAC and the key hash of the peer's certificate
NMSP_AUTH_T_SRCS := $(SRC)/fsrd/nmsp/nmsp_auth.c $(SRC)/lib/fsr_parse.c \
	$(SRC)/lib/fsr_names.c
FSRD_TESTS += $(OBJ)/tests/test_nmsp_auth

$(OBJ)/tests/test_nmsp_auth: $(SRC)/tests/test_nmsp_auth.c \
		$(NMSP_AUTH_T_SRCS) $(wildcard $(SRC)/fsrd/nmsp/*.h) \
		$(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(NMSP_AUTH_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

# which RSSI measurements a subscriber gets, the probes heard (pure)
FSRD_TESTS += $(OBJ)/tests/test_nmsp_rssi

NMSP_RSSI_T_SRCS := $(SRC)/fsrd/nmsp/nmsp_rssi.c \
	$(SRC)/fsrd/nmsp/nmsp_probes.c

$(OBJ)/tests/test_nmsp_rssi: $(SRC)/tests/test_nmsp_rssi.c \
		$(NMSP_RSSI_T_SRCS) $(wildcard $(SRC)/fsrd/nmsp/*.h) \
		$(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(NMSP_RSSI_T_SRCS)

# the order of client mode's tries (pure)
FSRD_TESTS += $(OBJ)/tests/test_nmsp_backoff

$(OBJ)/tests/test_nmsp_backoff: $(SRC)/tests/test_nmsp_backoff.c \
		$(SRC)/fsrd/nmsp/nmsp_backoff.c $(SRC)/fsrd/nmsp/nmsp_backoff.h \
		$(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(SRC)/fsrd/nmsp/nmsp_backoff.c

# one location server's conversation (pure)
NMSP_PEER_T_SRCS := $(SRC)/fsrd/nmsp/nmsp_peer.c $(NMSP_T_SRCS) \
	$(NMSP_AUTH_T_SRCS)
FSRD_TESTS += $(OBJ)/tests/test_nmsp_peer

$(OBJ)/tests/test_nmsp_peer: $(SRC)/tests/test_nmsp_peer.c \
		$(NMSP_PEER_T_SRCS) $(wildcard $(SRC)/fsrd/nmsp/*.h) \
		$(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests -o $@ $< $(NMSP_PEER_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libcrypto)

# the server on loopback in the event loop, OpenSSL's client in a child
NMSP_SVC_T_SRCS := $(SRC)/fsrd/nmsp/nmsp_svc.c $(SRC)/fsrd/nmsp/nmsp_rssi.c \
	$(SRC)/fsrd/nmsp/nmsp_dial.c $(SRC)/fsrd/nmsp/nmsp_backoff.c \
	$(SRC)/fsrd/radius/radius_addr.c \
	$(NMSP_PEER_T_SRCS) \
	$(SRC)/fsrd/core/evloop.c $(SRC)/fsrd/core/log.c
FSRD_TESTS += $(OBJ)/tests/test_nmsp_svc

$(OBJ)/tests/test_nmsp_svc: $(SRC)/tests/test_nmsp_svc.c \
		$(NMSP_SVC_T_SRCS) $(wildcard $(SRC)/fsrd/nmsp/*.h) \
		$(SRC)/tests/tap.h
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(FSR_CFLAGS)) $(SAN) -I$(SRC)/fsrd \
		-I$(SRC)/tests $(shell $(PKG_CONFIG) --cflags libnl-3.0) \
		-o $@ $< $(NMSP_SVC_T_SRCS) \
		$(shell $(PKG_CONFIG) --libs libssl libcrypto)

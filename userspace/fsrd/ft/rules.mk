# fsrd's 802.11r FT: roams served in userspace (ft_roam.c) and the PMK-R1s
# pushed to fsr.ko (pmk_push.c). The FT elements, KDF and MIC are the
# shared code of kmod/ft/ (linked by wpa/rules.mk).
FSRD_SRCS += ft/ft_roam.c ft/pmk_push.c

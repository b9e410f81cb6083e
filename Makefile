# fsr: fast secure roaming for Linux access points.
#
#   make            build fsr.ko, the hook-patched mac80211.ko, fsrctl
#   make check      host unit tests, then the selftests in the lab VM
#   make bench      the roam benchmark (fsr against hostapd)
#   make lab-shell  an interactive shell in the lab VM
#   make check-debug the selftests on the lab's debug kernel (KASAN, lockdep,
#                   PROVE_RCU, kmemleak), which it builds once (docs/lab.md)
#
# Every target installs the Debian packages it needs (tools/deps.sh) and
# fetches the Debian kernel that the lab VM boots (tools/lab/kernel.sh).

TOP := $(CURDIR)
# FSR_LAB_KERNEL=debug: everything against the debug kernel
# (tools/lab/debug-kernel.sh), in build/debug; the modules are built in a
# copy of their sources (KSRC), so the ones for the lab's kernel stay.
FSR_LAB_KERNEL ?=
export FSR_LAB_KERNEL
ifeq ($(FSR_LAB_KERNEL),debug)
BUILD := $(TOP)/build/debug
KSRC := $(BUILD)/ksrc
else
BUILD := $(TOP)/build
KSRC := $(TOP)
endif
KENV := $(BUILD)/kernel.env
MAC80211_OUT := $(BUILD)/mac80211
MAC80211_KO := $(MAC80211_OUT)/src/net/mac80211/mac80211.ko
MAC80211_SYMVERS := $(MAC80211_OUT)/src/net/mac80211/Module.symvers
FSR_KO := $(KSRC)/kmod/fsr.ko
PROBE_KO := $(KSRC)/selftests/hook_probe/mac80211_offload_probe.ko
MODROOT := $(BUILD)/lab/modroot

# Run a recipe line with the kernel variables (FSR_KDIR, FSR_LAB_SOURCE, ...).
WITH_KENV = set -e; . $(KENV);

.PHONY: all deps kernel mac80211 ksrc module userspace selftests-build modroot \
	check unit selftests check-debug fuzz-long bench lab-shell clean

all: userspace selftests-build module modroot

deps:
	@tools/deps.sh

# The kernel ABI moves with Debian's security updates: ask every time (cheap
# when the cache is warm) and rewrite the env file only when it changed.
kernel: deps
	@mkdir -p $(BUILD)
	@tools/lab/kernel.sh fetch
	@tools/lab/kernel.sh env > $(KENV).new
	@cmp -s $(KENV).new $(KENV) && rm -f $(KENV).new || mv $(KENV).new $(KENV)

mac80211: kernel
	@$(WITH_KENV) kmod/mac80211/build.sh "$$FSR_LAB_SOURCE" "$$FSR_KDIR" $(MAC80211_OUT)

# fsr.ko, and the selftests' test handler for the hook, both against the
# patched mac80211.h and its symbol versions.
KMAKE = $(MAKE) -C "$$FSR_KDIR" NOSTDINC_FLAGS=-I$(MAC80211_OUT)/src/include \
	KBUILD_EXTRA_SYMBOLS=$(MAC80211_SYMVERS)

# The copy keeps the sources' times, so kbuild rebuilds only what changed.
ksrc:
	@if [ "$(KSRC)" != "$(TOP)" ]; then mkdir -p $(KSRC) && \
		find Kbuild kmod uapi selftests/hook_probe \( -name '*.[ch]' \
		-o -name Kbuild \) | cpio -pdmu --quiet $(KSRC); fi

module: mac80211 ksrc
	@$(WITH_KENV) $(KMAKE) M=$(KSRC) modules
	@$(WITH_KENV) $(KMAKE) M=$(KSRC)/selftests/hook_probe modules

userspace: deps
	@$(MAKE) -C userspace TOP=$(TOP) all

selftests-build: deps
	@$(MAKE) -s -C selftests TOP=$(TOP) all

modroot: module
	@tools/lab/modroot.sh $(MODROOT) $(MAC80211_KO) $(FSR_KO) $(PROBE_KO)

# Unit tests on the host, then the selftests in one lab VM boot. The last
# line is the summary "N passed, M failed[, K skipped]".
check: all
	@tools/check.sh

# The selftests on the debug kernel; the guest fails the run on any KASAN,
# lockdep, RCU or WARN splat and any kmemleak report. The first run builds
# the kernel once (timings in docs/lab.md).
# make check-debug [TESTS="hook_consume.sh fsr_ft_crafted.sh"]
TESTS ?=
check-debug:
	@$(MAKE) --no-print-directory FSR_LAB_KERNEL=debug all
	@FSR_LAB_KERNEL=debug tools/check.sh --selftests-only $(TESTS)

unit: userspace
	@tools/check.sh --unit-only

selftests: all
	@tools/check.sh --selftests-only

# The fuzz targets for an hour each (make check gives them 90 s in all;
# docs/fuzzing.md).
fuzz-long: deps
	@$(MAKE) -s -C tests/fuzz TOP=$(CURDIR) long

# The roam benchmark, every available mode in one lab VM boot
# (docs/benchmark.md): make bench [ROAMS=30] [LOAD=1] [EAP_ROAMS=10]
# [STORM=8] [STORM_ROUNDS=10] [SCALE=24] [SCALE_ROUNDS=10] (EAP_ROAMS=0:
# without the 802.1X scenarios; SCALE=0: without the scale run;
# STORM=0: without the roam storm)
ROAMS ?= 30
LOAD ?= 0
EAP_ROAMS ?= 10
STORM ?= 8
STORM_ROUNDS ?= 10
SCALE ?= 24
SCALE_ROUNDS ?= 10
bench: all
	@tools/bench/run.sh ROAMS=$(ROAMS) LOAD=$(LOAD) EAP_ROAMS=$(EAP_ROAMS) \
		STORM=$(STORM) STORM_ROUNDS=$(STORM_ROUNDS) SCALE=$(SCALE) \
		SCALE_ROUNDS=$(SCALE_ROUNDS)

lab-shell: all
	@tools/lab/shell

clean:
	@if [ -f $(KENV) ]; then $(WITH_KENV) $(KMAKE) M=$(TOP) clean; \
		$(KMAKE) M=$(TOP)/selftests/hook_probe clean; fi
	@$(MAKE) -C userspace TOP=$(TOP) clean
	@$(MAKE) -C selftests TOP=$(TOP) clean
	rm -rf $(BUILD)

// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * Host unit tests of the shared FT code (kmod/ft/) over the OpenSSL shim.
 * Usage: test_ft VECTOR_FILE. Output: TAP. Exit status 1 on any failure.
 */
#include "ft_crypto.h"
#include "tap.h"
#include "tests.h"
#include "vecfile.h"

#include <stdio.h>

int main(int argc, char **argv)
{
	int ret;

	if (argc != 2) {
		fprintf(stderr, "usage: %s ft_vectors.txt\n", argv[0]);
		return 2;
	}
	if (vec_load(argv[1]) || fsr_crypto_init()) {
		printf("1..0 # could not load %s\n", argv[1]);
		return 1;
	}
	test_crypto();
	test_kdf();
	test_ie();
	test_mic();
	test_cckm();
	fsr_crypto_exit();
	vec_free();
	ret = tap_done();
	return ret;
}

# shellcheck shell=sh
# The location-server link in the lab (issue 16, docs/nmsp.md): the
# certificates and key hashes of fsrd.conf(5)'s [nmsp], and the test's
# location server (selftests/nmsp_ls.py). Source lib.sh first.
#
#   nmsp_cert NAME         a self-signed P-256 certificate and key:
#                          $WORK/NAME.pem, $WORK/NAME.key
#   nmsp_keyhash NAME ALG  the sha256 or sha1 hash of NAME's key, as
#                          fsrd.conf(5)'s command prints it
#   $NMSP_LS PORT CASE ... selftests/nmsp_ls.py (its usage says the
#                          cases); a command, not a function, so that $!
#                          of one in the background is the server itself

nmsp_cert() {
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
		-nodes -keyout "$WORK/$1.key" -out "$WORK/$1.pem" -days 2 \
		-subj "/CN=$1.lab.example" 2> /dev/null
}

nmsp_keyhash() {
	openssl x509 -in "$WORK/$1.pem" -pubkey -noout |
		openssl pkey -pubin -outform DER | openssl dgst "-$2" |
		sed 's/.*= //'
}

NMSP_LS="python3 $SELFTESTS/nmsp_ls.py"

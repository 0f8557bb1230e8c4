#!/usr/bin/env bash
# Creates a throw-away PKI for the network tests with the openssl tool: a CA, a server
# certificate for localhost, two participants' clients and a client of a foreign CA.
# The product's own CA (backend/pki) is tested on its own; these certificates let the
# transport be tested with real TLS independently of it.
set -euo pipefail
out=$1
cd "$out"
days=2

key() { openssl ecparam -name prime256v1 -genkey -noout -out "$1.key"; }
ca() {
    key "$1"
    openssl req -x509 -new -key "$1.key" -subj "/O=CloudEx Test/CN=$2" -days $days -out "$1.pem" \
        -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
}
leaf() { # name ca subject eku [san]
    key "$1"
    openssl req -new -key "$1.key" -subj "$3" -out "$1.csr"
    local ext="extendedKeyUsage=$4"
    [[ -n ${5:-} ]] && ext+=$'\n'"subjectAltName=$5"
    openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -CAcreateserial -days $days \
        -out "$1.pem" -extfile <(printf '%s\n' "$ext") 2>/dev/null
}

ca ca "Test Exchange CA"
ca foreign-ca "Foreign CA"
leaf server ca "/O=CloudEx Test/CN=localhost" serverAuth "DNS:localhost,IP:127.0.0.1"
leaf alice ca "/O=p-acme/CN=u-alice" clientAuth
leaf bob ca "/O=p-beta/CN=u-bob" clientAuth
leaf mallory foreign-ca "/O=p-acme/CN=u-mallory" clientAuth

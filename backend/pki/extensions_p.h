#pragma once

// Internal: CloudEx's private X.509 extensions and the object identifiers certificates use.
//
// Private OID arc: 2.25.119828128812114853495835593828542138692 (a UUID-derived OID,
// ITU-T X.667, which needs no registration), documented in docs/ARCHITECTURE.md.
//   <arc>.1  CloudEx contract   CloudExContract ::= SEQUENCE {
//                                   contractId UTF8String, buyer UTF8String,
//                                   seller UTF8String, instrument UTF8String,
//                                   volume INTEGER, deliveryStart GeneralizedTime,
//                                   deliveryEnd GeneralizedTime,
//                                   holder UTF8String OPTIONAL }  -- the user who asked
//   <arc>.2  CloudEx identity   CloudExIdentity ::= SEQUENCE {
//                                   kind ENUMERATED { participant(0), user(1), site(2) },
//                                   participant UTF8String, organisation UTF8String,
//                                   role UTF8String, permissions SEQUENCE OF UTF8String }
// Both are non-critical, so standard tools accept the certificates and show them raw.

#include "pki/pkitypes.h"

#include <QByteArrayView>

namespace cloudex::pki::ext {

inline constexpr char kArcText[] = "2.25.119828128812114853495835593828542138692";
inline constexpr char kContractOidText[] = "2.25.119828128812114853495835593828542138692.1";
inline constexpr char kIdentityOidText[] = "2.25.119828128812114853495835593828542138692.2";

// Content octets of the OBJECT IDENTIFIERs (without tag and length).
#define CLOUDEX_PKI_ARC "\x69\x81\xb4\xa6\x87\xb8\xd4\xe9\x82\x93\xb9\x89\xc4\x91\xd8\x9f\xb1\xfd\x92\x44"
inline constexpr QByteArrayView kContractOid(CLOUDEX_PKI_ARC "\x01", 21);
inline constexpr QByteArrayView kIdentityOid(CLOUDEX_PKI_ARC "\x02", 21);
#undef CLOUDEX_PKI_ARC

// Standard object identifiers (content octets).
inline constexpr QByteArrayView kOidEcPublicKey("\x2a\x86\x48\xce\x3d\x02\x01", 7);
inline constexpr QByteArrayView kOidPrime256v1("\x2a\x86\x48\xce\x3d\x03\x01\x07", 8);
inline constexpr QByteArrayView kOidEcdsaWithSha256("\x2a\x86\x48\xce\x3d\x04\x03\x02", 8);
inline constexpr QByteArrayView kOidRsaEncryption("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01", 9);
inline constexpr QByteArrayView kOidExtensionRequest("\x2a\x86\x48\x86\xf7\x0d\x01\x09\x0e", 9);
inline constexpr QByteArrayView kOidCommonName("\x55\x04\x03", 3);
inline constexpr QByteArrayView kOidOrganisation("\x55\x04\x0a", 3);
inline constexpr QByteArrayView kOidOrganisationalUnit("\x55\x04\x0b", 3);
inline constexpr QByteArrayView kOidSubjectKeyId("\x55\x1d\x0e", 3);
inline constexpr QByteArrayView kOidKeyUsage("\x55\x1d\x0f", 3);
inline constexpr QByteArrayView kOidSubjectAltName("\x55\x1d\x11", 3);
inline constexpr QByteArrayView kOidBasicConstraints("\x55\x1d\x13", 3);
inline constexpr QByteArrayView kOidCrlNumber("\x55\x1d\x14", 3);
inline constexpr QByteArrayView kOidCrlReason("\x55\x1d\x15", 3);
inline constexpr QByteArrayView kOidAuthorityKeyId("\x55\x1d\x23", 3);
inline constexpr QByteArrayView kOidExtKeyUsage("\x55\x1d\x25", 3);
inline constexpr QByteArrayView kOidServerAuth("\x2b\x06\x01\x05\x05\x07\x03\x01", 8);
inline constexpr QByteArrayView kOidClientAuth("\x2b\x06\x01\x05\x05\x07\x03\x02", 8);

/// The DER of a CloudExContract value.
/// `holder`: the identity (user) that asked for the certificate; empty writes none.
QByteArray encodeContract(const ContractTerms &terms, const QString &holder = {});
bool decodeContract(QByteArrayView der, ContractTerms &terms, QString *holder = nullptr);

/// The DER of a CloudExIdentity value.
QByteArray encodeIdentity(const IdentityRequest &request);
bool decodeIdentity(QByteArrayView der, IdentityRequest &request);

/// "urn:cloudex:contract:<id>", the contract certificate's subjectAltName URI.
QString contractUrn(const QString &contractId);

/// A host name as RFC 1123 allows it, optionally with a leading wildcard label.
bool isDnsName(const QString &name);

} // namespace cloudex::pki::ext

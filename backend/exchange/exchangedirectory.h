#pragma once

#include "core/result.h"
#include "pki/pkitypes.h"

#include <QString>

#include <optional>

class QTextStream;

namespace cloudex::pki {
class CertificateAuthority;
}

namespace cloudex::exchange {

/// The exchange's data directory as one thing: manifest.json, journal.db and the CA in ca/
/// carry the same identity (an exchange id and an epoch, docs/ARCHITECTURE.md "Data
/// directory"), so a journal that is missing, empty or from elsewhere, or a CA that does not
/// belong to the journal, refuses to start instead of starting a different exchange next to
/// the old one's certificates.
///
/// ExchangeService::open() runs inspect() before it opens anything and settle() once the CA
/// is open and before the journal is; `cloudex-exchange verify` runs verify().
class ExchangeDirectory
{
public:
    enum class Mode {
        Open,        ///< an initialised directory only (the daemon)
        CreateIfNew, ///< initialise a new or empty directory, open an initialised one (desktop)
        Create,      ///< a new or empty directory only (`cloudex-exchange --init`)
    };

    /// What inspect() found.
    struct Plan
    {
        enum class Kind {
            New,         ///< nothing there yet: settle() creates the identity
            Initialised, ///< a manifest: settle() checks the parts against it
            Legacy,      ///< journal and CA of an older version, no manifest: settle() migrates
        };
        Kind kind = Kind::New;
        std::optional<pki::ExchangeIdentity> manifest;
    };

    static QString manifestPath(const QString &directory);
    static QString journalPath(const QString &directory);
    static QString caDirectory(const QString &directory);

    /// Reads the directory without changing it and refuses, with one line naming the part,
    /// what `mode` does not allow or what is missing (error codes `exchange.data-*`).
    static Result<Plan> inspect(const QString &directory, Mode mode);
    /// With the CA open (and the journal not): creates the identity of a new directory,
    /// migrates a legacy one once (logged), or checks an initialised one's CA and journal
    /// against its manifest. Returns the directory's identity.
    static Result<pki::ExchangeIdentity> settle(const QString &directory, const Plan &plan,
                                                pki::CertificateAuthority &ca, qint64 nowMs);
    /// Checks a directory without opening the CA key or changing anything: the manifest,
    /// the CA's files and identity, every journal record's checksum and chain link, that
    /// every record decodes, the head, and every snapshot. Writes what it checked to `out`.
    static Result<void> verify(const QString &directory, QTextStream &out);

    static Result<std::optional<pki::ExchangeIdentity>> readManifest(const QString &directory);
};

} // namespace cloudex::exchange

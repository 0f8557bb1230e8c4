#pragma once

#include "core/result.h"

#include <libvirt/libvirt.h>

#include <QString>

#include <memory>

/// The libvirt boundary: RAII handles, error conversion and the process-wide event loop.
/// Only backend/connect includes this header; libvirt stays private to the backend.
namespace cloudex::connect::libvirt {

struct ConnectDeleter
{
    void operator()(virConnectPtr p) const { virConnectClose(p); }
};
struct DomainDeleter
{
    void operator()(virDomainPtr p) const { virDomainFree(p); }
};
struct PoolDeleter
{
    void operator()(virStoragePoolPtr p) const { virStoragePoolFree(p); }
};
struct VolumeDeleter
{
    void operator()(virStorageVolPtr p) const { virStorageVolFree(p); }
};
struct CharDeleter
{
    void operator()(char *p) const { free(p); } // NOLINT: libvirt hands out malloc()ed strings
};

using Connection = std::unique_ptr<virConnect, ConnectDeleter>;
using Domain = std::unique_ptr<virDomain, DomainDeleter>;
using Pool = std::unique_ptr<virStoragePool, PoolDeleter>;
using Volume = std::unique_ptr<virStorageVol, VolumeDeleter>;
using CString = std::unique_ptr<char, CharDeleter>;

/// Registers libvirt's default event implementation and starts the one thread that runs it.
/// Idempotent and thread-safe; must run before the first connection is opened (every
/// function here that opens a connection calls it). False when libvirt could not be
/// initialised.
bool ensureEventLoop();

/// The last libvirt error of this thread as an Error with `code`, carrying libvirt's own
/// message after `context` ("Cannot start vm1: <libvirt message>").
Error lastError(const QString &code, const QString &context);

/// Takes ownership of a malloc()ed string from libvirt.
QString takeString(char *text);

} // namespace cloudex::connect::libvirt

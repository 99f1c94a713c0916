#pragma once

#include "export/exporter.h"

namespace Tokenbench::Core::Export {

// A POSIX sh script that sends the token request exactly as Tokenbench does (same headers, form-encoded
// Basic credentials, sorted form body; client assertions signed with openssl), reads secrets from the
// environment, extracts access_token and calls the resource with it when one is configured.
// Secrets never appear in curl's arguments: headers go through a private file, the body through stdin.
class CurlExporter final : public Exporter
{
public:
    QString id() const override { return QStringLiteral("curl"); }
    QString displayName() const override { return QStringLiteral("curl script"); }
    QString fileExtension() const override { return QStringLiteral("sh"); }
    QString language() const override { return QStringLiteral("shell"); }
    Result<ExportOutput> exportBackend(const ExportInput& input) const override;
};

} // namespace Tokenbench::Core::Export

#pragma once

#include "export/exporter.h"

namespace Tokenbench::Core::Export {

// An HTTP request file (.http: VS Code REST Client, JetBrains HTTP Client): the token request, named
// "token", and a resource request that uses {{token.response.body.access_token}}. Variables are
// {{NAME}} placeholders, set in the client's (private) environment file.
class HttpFileExporter final : public Exporter
{
public:
    QString id() const override { return QStringLiteral("http"); }
    QString displayName() const override { return QStringLiteral("HTTP request file (.http)"); }
    QString fileExtension() const override { return QStringLiteral("http"); }
    QString language() const override { return QStringLiteral("http"); }
    Result<ExportOutput> exportBackend(const ExportInput& input) const override;
};

} // namespace Tokenbench::Core::Export

#pragma once

#include "export/exporter.h"

namespace Tokenbench::Core::Export {

// The oauth2c (github.com/cloudentity/oauth2c) command line for the same token request.
class OAuth2cExporter final : public Exporter
{
public:
    QString id() const override { return QStringLiteral("oauth2c"); }
    QString displayName() const override { return QStringLiteral("oauth2c command"); }
    QString fileExtension() const override { return QStringLiteral("sh"); }
    QString language() const override { return QStringLiteral("shell"); }
    Result<ExportOutput> exportBackend(const ExportInput& input) const override;
};

} // namespace Tokenbench::Core::Export

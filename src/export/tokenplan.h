#pragma once

#include "export/exporter.h"

#include <QJsonObject>

namespace Tokenbench::Core::Export {

// The token request of an oauth2 block as the command-line formats (curl, oauth2c, .http) write it:
// the same fields, headers and encoding as prepareTokenRequest() sends (both map the slots of
// tokenRequestShape()), with each value a literal or a variable. Fields are in body order (sorted by name, as url.Values.Encode()).
struct FormPart
{
    QString key;
    ExportValue value;
    bool computed = false; // client_assertion / assertion signed when the script runs
};

struct TokenPlan
{
    QString backend;
    ExportValue endpoint;
    QString grant;
    QString method;
    ExportValue clientId;
    ExportValue clientSecret;
    bool basic = false;    // Authorization: Basic form-encoded(client_id):form-encoded(client_secret)
    bool rawBasic = false; // ... with the two not form-encoded (raw_basic_credentials = true)
    QList<FormPart> fields;

    // Signing (client_secret_jwt, private_key_jwt, jwt-bearer from a nested jwt_signing_profile).
    bool signs = false;
    bool clientAssertion = false; // true: client assertion (iss/sub/aud/jti/iat/exp), false: jwt-bearer (exp)
    bool profileKey = false;      // signed with the profile's key (private_key_jwt, jwt-bearer), not the client secret
    QString algorithm;
    qint64 ttlSeconds = 0;
    QJsonObject claims;  // the profile's own
    QJsonObject headers; // the profile's own (kid, typ)
    ExportValue key;     // PEM (private_key_jwt, jwt-bearer) or, with client_secret_jwt, the client secret
    ExportValue keyFile;

    QString resourceUrl;
};

Result<TokenPlan> planTokenRequest(const ExportInput& input, const QString& format, ExportOutput* out);

} // namespace Tokenbench::Core::Export

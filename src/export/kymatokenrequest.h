#pragma once

#include "util/result.h"

#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace Tokenbench::Core::Export {

// Kyma's TokenRequest custom resource (applicationconnector.kyma-project.io/v1alpha1): asks the
// Connector Service for a one-time token that connects an Application.
struct KymaTokenRequest
{
    QString application; // metadata.name: the Application's name
    QString tenant;      // context.tenant (optional)
    QString group;       // context.group (optional)
};

// Checks the name (a Kubernetes object name: lower-case RFC 1123 subdomain, at most 253 characters).
Result<void> validate(const KymaTokenRequest& request);
// The resource as YAML (kubectl apply -f); scalars quoted where YAML needs it.
Result<QString> toYaml(const KymaTokenRequest& request);

// A fetched TokenRequest (kubectl get tokenrequest NAME -o yaml|json) with its status.
struct KymaTokenStatus
{
    QString application;
    QString tenant;
    QString group;
    QString state; // "OK" or "ERR" (empty: not processed yet)
    QString token;
    QString url;   // the Connector's signing-request URL (carries the token)
    QDateTime expireAfter;
    bool ok() const { return state == u"OK"; }
    // Seconds until expireAfter (negative when expired); nullopt without an expiry.
    std::optional<qint64> secondsLeft(const QDateTime& now) const;
};
Result<KymaTokenStatus> readTokenRequest(const QByteArray& yamlOrJson);

// The small YAML subset Kubernetes writes (block mappings and sequences, plain/quoted/literal scalars,
// comments, a leading ---), as JSON values. Errors name the line.
Result<QJsonValue> parseSimpleYaml(const QByteArray& text);
// A YAML scalar: plain when that reads back as the same string, else double-quoted with escapes.
QString yamlScalar(const QString& value);

} // namespace Tokenbench::Core::Export

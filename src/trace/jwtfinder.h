#pragma once

#include <QList>
#include <QString>

namespace Tokenbench::Core {

struct Exchange;

// The JWTs an exchange carries, with where they were found ("response access_token", "request
// client_assertion", "Authorization: Bearer"), so every token in the trace can be inspected.
struct FoundJwt
{
    QString where;
    QString token;
};

QList<FoundJwt> findJwts(const Exchange& exchange);
bool looksLikeJwt(const QString& text);

} // namespace Tokenbench::Core

#pragma once

// Small model fixtures shared by the tests.
#include "model/block.h"

#include <QMap>
#include <QString>

namespace Tokenbench::Test {

// A backend `label` with an oauth2 block holding `oauth2` (attribute → value as written).
inline Core::Block backendWithOAuth2(const QString& label, const QMap<QString, QString>& oauth2)
{
    Core::Block b{Core::BlockType::Backend, label, {}, {}};
    b.blocks.append(Core::Block{Core::BlockType::OAuth2, {}, oauth2, {}});
    return b;
}

} // namespace Tokenbench::Test

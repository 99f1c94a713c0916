#pragma once

#include <QJsonObject>
#include <QString>

class QTableWidget;

namespace Tokenbench::Ui::ClaimTable {

// A claim's value as text (numbers without exponent, arrays and objects as compact JSON).
QString valueText(const QJsonValue& value);
// What a registered claim means, with times as "expires in 4 min — local time (UTC)".
QString meaning(const QString& claim, const QJsonValue& value);
// Fills a three-column table (claim, value, meaning) with a JWT payload.
void fill(QTableWidget* table, const QJsonObject& claims);

} // namespace Tokenbench::Ui::ClaimTable

#include "export/exporter.h"

#include "export/couperexporter.h"
#include "export/curlexporter.h"
#include "export/httpfileexporter.h"
#include "export/oauth2cexporter.h"
#include "model/schema.h"
#include "model/valueresolver.h"

namespace Tokenbench::Core::Export {

Exporter::~Exporter() = default;

void ExportOutput::addVariable(const Variable& v)
{
    for (Variable& existing : variables) {
        if (existing.name == v.name) {
            existing.secret = existing.secret || v.secret;
            return;
        }
    }
    variables.append(v);
}

QStringList ExportOutput::variableNames() const
{
    QStringList names;
    for (const Variable& v : variables)
        names << v.name;
    return names;
}

const QList<std::shared_ptr<const Exporter>>& exporters()
{
    static const QList<std::shared_ptr<const Exporter>> all = {
        std::make_shared<CouperExporter>(),
        std::make_shared<CurlExporter>(),
        std::make_shared<OAuth2cExporter>(),
        std::make_shared<HttpFileExporter>(),
    };
    return all;
}

std::shared_ptr<const Exporter> exporterFor(const QString& id)
{
    for (const auto& e : exporters()) {
        if (e->id() == id)
            return e;
    }
    return nullptr;
}

ExportValue exportValue(const Block& backend, const Block& block, const QString& blockPath, const QString& name,
                        ExportOutput* out)
{
    ExportValue v;
    const QString text = block.attribute(name);
    v.secret = Schema::isSecret(block.type, name);
    if (const auto ref = ValueResolver::referenceName(text.trimmed())) {
        v.variable = *ref;
    } else if (v.secret && !text.isEmpty()) {
        // A literal secret is never written: it becomes a variable the user sets.
        v.variable = ValueResolver::suggestName(backend.label, name);
        if (out) {
            out->notes << QStringLiteral("%1.%2 was a literal value; it is read from %3 instead (set it before "
                                         "running)")
                              .arg(blockPath, name, v.variable);
        }
    } else {
        v.literal = text;
    }
    if (out && v.isVariable())
        out->addVariable({v.variable, blockPath + u'.' + name, v.secret});
    return v;
}

QString grantOf(const Block& oauth2)
{
    return oauth2.attribute(QStringLiteral("grant_type")).trimmed();
}

QString authMethodOf(const Block& oauth2)
{
    const QString m = oauth2.attribute(QStringLiteral("token_endpoint_auth_method")).trimmed();
    return m.isEmpty() ? Schema::AuthMethod::Basic : m;
}

namespace {

void collectSecrets(const Block& block, const QString& path, const ValueResolver& resolver,
                    QList<QPair<QString, QString>>* out)
{
    for (auto it = block.attributes.cbegin(); it != block.attributes.cend(); ++it) {
        if (!Schema::isSecret(block.type, it.key()))
            continue;
        const auto resolved = resolver.resolve(it.value());
        if (!resolved.value.isEmpty())
            out->append({path + u'.' + it.key(), resolved.value});
    }
    for (const Block& child : block.blocks)
        collectSecrets(child, path.isEmpty() ? child.type : path + u'.' + child.type, resolver, out);
}

} // namespace

QStringList findValues(const QString& text, const QList<QPair<QString, QString>>& placeAndValue)
{
    QStringList found;
    for (const auto& [place, value] : placeAndValue) {
        if (value.size() >= 4 && text.contains(value) && !found.contains(place))
            found << place;
    }
    return found;
}

SecretScan scanForSecrets(const QString& text, const QList<Block>& backends, const ValueResolver& resolver)
{
    SecretScan scan;
    QList<QPair<QString, QString>> values;
    for (const Block& b : backends) {
        QList<QPair<QString, QString>> own;
        collectSecrets(b, QString(), resolver, &own);
        for (auto& [place, value] : own) {
            const QString where = QStringLiteral("backend \"%1\" %2").arg(b.label, place.startsWith(u'.') ? place.mid(1) : place);
            if (value.size() < 4)
                scan.tooShort << where;
            values.append({where, value});
        }
    }
    scan.leaks = findValues(text, values);
    return scan;
}

} // namespace Tokenbench::Core::Export

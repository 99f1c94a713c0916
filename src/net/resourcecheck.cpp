#include "net/resourcecheck.h"

#include "model/block.h"
#include "model/valueresolver.h"

namespace Tokenbench::Core {

Result<void> applyTokenBackend(TokenRequestSpec& spec, const Block& backend, const QList<Block>& workspaceBackends,
                               const ValueResolver& resolver, QStringList* warnings, const QString& baseDir)
{
    auto tokenBackend = tokenBackendOf(backend, workspaceBackends);
    if (!tokenBackend)
        return Error{tokenBackend.error().code, tokenBackend.error().message,
                     backend.label + u'.' + tokenBackend.error().where};
    if (!tokenBackend.value()) {
        spec.tokenBackend.reset();
        return {};
    }
    const Block& tb = *tokenBackend.value();
    auto settings = backendSettingsFromBlock(tb, resolver, baseDir);
    if (!settings) {
        const QString name = tb.label.isEmpty() ? backend.label + QStringLiteral(".oauth2.backend") : tb.label;
        return Error{settings.error().code, settings.error().message, name + u'.' + settings.error().where};
    }
    spec.timeouts.totalMs = settings->totalMs;
    spec.timeouts.connectMs = settings->connectMs;
    spec.timeouts.ttfbMs = settings->ttfbMs;
    if (warnings)
        *warnings += settings->warnings;
    spec.tokenBackend = settings.value();
    return {};
}

Result<std::optional<ResourceSpec>> resourceSpecFromBackend(const Block& backend, const ValueResolver& resolver,
                                                            const QString& overrideUrl, const QString& baseDir)
{
    const QString text =
        overrideUrl.isEmpty() ? resolver.resolve(backend.attribute(ResourceUrlAttribute)).value.trimmed() : overrideUrl;
    if (text.isEmpty())
        return std::optional<ResourceSpec>();
    auto settings = backendSettingsFromBlock(backend, resolver, baseDir);
    if (!settings)
        return Error{settings.error().code, settings.error().message, backend.label + u'.' + settings.error().where};
    ResourceSpec r;
    r.backend = settings.value();
    if (text.startsWith(u'/')) {
        if (r.backend.origin.isEmpty())
            return Error{Error::Code::Usage,
                         QStringLiteral("the resource URL \"%1\" is a path: give the backend an origin, or an "
                                        "absolute URL")
                             .arg(text),
                         backend.label + u'.' + ResourceUrlAttribute};
        QUrl url(r.backend.origin);
        const QUrl rel(text);
        url.setPath(rel.path());
        url.setQuery(rel.query());
        r.url = url;
        r.backend.path.clear(); // the given path is the resource
    } else {
        r.url = QUrl(text, QUrl::StrictMode);
        // An absolute resource URL is called as given.
        r.backend.origin.clear();
        r.backend.path.clear();
    }
    if (!r.url.isValid() || r.url.host().isEmpty() || (r.url.scheme() != u"http" && r.url.scheme() != u"https"))
        return Error{Error::Code::Usage, QStringLiteral("the resource URL \"%1\" is not an absolute http(s) URL").arg(text),
                     backend.label + u'.' + ResourceUrlAttribute};
    if (const Block* o = backend.child(BlockType::OAuth2); o && o->hasAttribute(QStringLiteral("retries"))) {
        bool ok = false;
        const int n = o->attribute(QStringLiteral("retries")).trimmed().toInt(&ok);
        if (!ok || n < 0 || n > 255)
            return Error{Error::Code::Usage, QStringLiteral("retries must be a whole number from 0 to 255"),
                         backend.label + QStringLiteral(".oauth2.retries")};
        r.retries = n;
    }
    return std::optional<ResourceSpec>(r);
}

} // namespace Tokenbench::Core

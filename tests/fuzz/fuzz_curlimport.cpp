// libFuzzer target for the curl-command and .http importers and the Kyma TokenRequest reader: the
// first byte picks the reader ('0' curl, '1' .http, '2' TokenRequest YAML/JSON), the rest is the text.
// Whatever the bytes: no crash, and an imported backend never holds a literal secret the importer moved
// out (every secret it reports is referenced as env.NAME and its value appears in no attribute).
// Built only with clang and -DTOKENBENCH_BUILD_FUZZERS=ON (see tests/export/tests.cmake).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <QByteArray>
#include <QRegularExpression>
#include <QString>

#include "export/curlimport.h"
#include "export/kymatokenrequest.h"
#include "export/shellwords.h"

using namespace Tokenbench::Core;

namespace {

bool holds(const Block& b, const QString& value)
{
    for (auto it = b.attributes.cbegin(); it != b.attributes.cend(); ++it) {
        if (it.value().contains(value))
            return true;
    }
    for (const Block& c : b.blocks) {
        if (holds(c, value))
            return true;
    }
    return false;
}

void checkImport(const Export::ImportedRequest& request)
{
    auto imported = Export::importRequest(request, QStringLiteral("fuzz"));
    if (!imported)
        return;
    for (const auto& [name, value] : imported->secrets) {
        if (name.isEmpty())
            std::abort();
        // Values of 8+ characters are distinctive enough to search for; a bare word may still be an
        // object key or identifier (not a value), so those are left alone.
        static const QRegularExpression word(QStringLiteral("^[A-Za-z0-9_.-]*$"));
        if (value.size() >= 8 && !word.match(value).hasMatch() && holds(imported->backend, value))
            std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const char mode = char(data[0]);
    const QByteArray bytes(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    const QString text = QString::fromUtf8(bytes);
    switch (mode % 3) {
    case 0: {
        // Quoting must round-trip: quote() of each word reads back as the same words.
        if (auto words = Export::Shell::split(text)) {
            QStringList quoted;
            for (const QString& w : words.value())
                quoted << Export::Shell::quote(w);
            auto again = Export::Shell::split(quoted.join(u' '));
            if (!again || again.value() != words.value())
                std::abort();
        }
        if (auto request = Export::parseCurlCommand(text))
            checkImport(request.value());
        break;
    }
    case 1:
        if (auto request = Export::parseHttpFile(text))
            checkImport(request.value());
        break;
    default:
        (void)Export::readTokenRequest(bytes);
        break;
    }
    return 0;
}

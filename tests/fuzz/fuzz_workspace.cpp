// libFuzzer target for workspace loading: WorkspaceFile::parse() on any bytes, then what opening a
// workspace does with what it read (Couper's validation rules) and the save path (serialize, read back).
// Built only with clang and -DTOKENBENCH_BUILD_FUZZERS=ON (see tests/fuzz/tests.cmake).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <QByteArray>
#include <QString>

#include "model/validator.h"
#include "model/workspacefile.h"

using namespace Tokenbench::Core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto loaded = WorkspaceFile::parse(input, QStringLiteral("fuzz.tbw"));
    if (!loaded) {
        // A refusal always says what is wrong and where.
        if (loaded.error().message.isEmpty() || loaded.error().where.isEmpty())
            std::abort();
        return 0;
    }
    if (!WorkspaceFile::isValidId(loaded->id))
        std::abort();
    (void)Validator::validateBackends(loaded->backends);

    // Saving what was loaded and reading it back keeps the workspace; a second save is byte-identical.
    const WorkspaceFile::Serialized saved = WorkspaceFile::serialize(loaded->backends, loaded->id);
    const auto reloaded = WorkspaceFile::parse(saved.bytes, QStringLiteral("fuzz.tbw"));
    if (!reloaded || reloaded->id != loaded->id || reloaded->backends.size() != loaded->backends.size())
        std::abort();
    if (saved.substitutions.isEmpty() && reloaded->backends != loaded->backends)
        std::abort();
    if (!reloaded->diagnostics.isEmpty())
        std::abort(); // a saved file never holds a secret in clear text
    if (WorkspaceFile::serialize(reloaded->backends, reloaded->id).bytes != saved.bytes)
        std::abort();
    return 0;
}

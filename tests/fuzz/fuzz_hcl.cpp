// libFuzzer target for the HCL engine: lexer, parser, lossless re-emit, evaluator, Couper mapping and
// formatter. Built only with clang and -DTOKENBENCH_BUILD_FUZZERS=ON (see tests/hcl/tests.cmake).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <QByteArray>

#include "model/couperfile.h"
#include "hcl/document.h"
#include "hcl/evaluator.h"
#include "hcl/formatter.h"

using namespace Tokenbench::Core::Hcl;

namespace {

void evaluateAll(const Document& d, const EvalContext& ctx, const Body& body)
{
    for (const BodyItem& item : body.items) {
        if (item.attribute)
            (void)evaluate(d, item.attribute->expr, ctx);
        else if (item.block)
            evaluateAll(d, ctx, item.block->body);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const Document d = Document::parse(input, QStringLiteral("fuzz.hcl"));
    if (d.toBytes() != input)
        std::abort(); // lossless round trip is an invariant
    for (const auto& diag : d.diagnostics())
        (void)renderDiagnostic(diag, input);

    EvalContext ctx;
    ctx.setVariable(QStringLiteral("env"), Value::object({{QStringLiteral("A"), Value::string(QStringLiteral("x"))}}));
    ctx.setFixedTime(0);
    evaluateAll(d, ctx, d.body());
    (void)mapCouperFile(d);

    const QByteArray formatted = format(input);
    (void)formatted;

    const ExpressionSource e = ExpressionSource::parse(input);
    (void)evaluate(e, ctx);
    return 0;
}

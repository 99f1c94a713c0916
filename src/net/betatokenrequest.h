#pragma once

#include <optional>

#include "hcl/evaluator.h"
#include "hcl/value.h"
#include "model/block.h"
#include "net/preparedrequest.h"
#include "net/tokenclient.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace Tokenbench::Core {

class HttpExchange;
class ValueResolver;

// A beta_token_request block, ready to send: the request built exactly as Couper builds it (reference
// section 3.1) and the token/ttl expressions evaluated afterwards against beta_token_response.
struct BetaTokenRequestSpec
{
    QString label = QStringLiteral("default");
    PreparedRequest request;
    QList<int> expectedStatus;
    QString tokenExpression;
    QString ttlExpression;
    QMap<QString, QString> environment; // env.NAME values the expressions may use
    Timeouts timeouts;
    QStringList warnings; // e.g. an absolute url whose origin the backend replaces
};

// The label of a beta_token_request block ("default" when it has none).
QString betaLabel(const Block& block);
// The backend's token request blocks, in file order.
QList<const Block*> betaTokenRequests(const Block& backend);
// Evaluates the block's request attributes and builds the request (no network). The request goes to
// the token backend (reference section 3.1 step 5): a nested `backend` block, the backend named by the
// `backend` attribute (looked up in `allBackends` when given), else the backend the block belongs to.
Result<BetaTokenRequestSpec> betaSpecFromBlock(const Block& backend, const Block& tokenRequest,
                                               const ValueResolver& resolver,
                                               const QList<Block>* allBackends = nullptr);

// token and ttl of a beta_token_request evaluated against one response, as a run evaluates them. Both are
// always evaluated, so an editor can show each result.
struct BetaEvaluation
{
    bool ok = false;    // both are usable: a run stores the token for ttlSeconds
    QString token;      // what `token` gave (set when tokenError is empty)
    QString ttlText;    // the string `ttl` gave, e.g. "3240s" (set when it is one)
    qint64 ttlSeconds = 0; // whole seconds of ttlText, capped at MaxTokenTtlSeconds
    QString tokenError; // "token expression evaluates to null: ...", with the response that caused it
    QString ttlError;   // "ttl expression must evaluate to a string: ...", "ttl: time: invalid duration ..."
    QString error;      // the run's message: tokenError, else ttlError
    // What the response says beside the token: token_type and expires_in of the JSON object the token
    // expression read the token from (json_body.access_token -> json_body.token_type), when present.
    QString tokenType;
    std::optional<double> expiresIn;
};
// The `beta_token_response` variable for a response: status, headers (lower-cased names), cookies, body,
// json_body (for JSON content types).
Hcl::Value betaTokenResponse(const Exchange& response);
// The context token and ttl are evaluated in (Hcl::EvaluationTime::TokenResponse): spec.environment as env,
// the response as beta_token_response.
Hcl::EvalContext betaTokenContext(const BetaTokenRequestSpec& spec, const Exchange& response);
// Evaluates token and ttl against a response, with Couper's checks (reference 3.3: not null, a string, ttl
// a duration) and Tokenbench's (a token with control characters is refused). The run and the editor's
// live re-evaluation without a new request both call this.
BetaEvaluation evaluateBetaToken(const BetaTokenRequestSpec& spec, const Exchange& response);

//   start(spec) ──► HttpExchange ──► expected_status? ──► token/ttl over beta_token_response ──► finished
class BetaTokenClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BetaTokenClient)

public:
    explicit BetaTokenClient(QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~BetaTokenClient() override;
    void start(const BetaTokenRequestSpec& spec);
    void cancel();

Q_SIGNALS:
    void exchangeStarted(const Tokenbench::Core::Exchange& exchange);
    void exchangeFinished(const Tokenbench::Core::Exchange& exchange);
    void finished(const Tokenbench::Core::TokenResult& result);

private:
    QPointer<QNetworkAccessManager> m_nam;
    QPointer<HttpExchange> m_exchange;
    BetaTokenRequestSpec m_spec;
};

} // namespace Tokenbench::Core

#include "jwtpanel.h"

#include "claimtable.h"
#include "clipboard.h"
#include "jsonhighlighter.h"

#include "jwt/claimscheck.h"
#include "jwt/decodedtoken.h"
#include "net/issuerverifier.h"
#include "net/jwkscache.h"
#include "jwt/jwtkey.h"
#include "jwt/verifier.h"
#include "model/valueresolver.h"
#include "util/boundedread.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace Tokenbench::Ui {

namespace Jwt = Core::Jwt;


JwtPanel::JwtPanel(QNetworkAccessManager* network, QWidget* parent)
    : QWidget(parent), m_network(network), m_cache(new Jwt::JwksCache(network, this)),
      m_verifier(new Jwt::IssuerVerifier(network, m_cache, this))
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto* layout = new QVBoxLayout(this);

    m_input = new QPlainTextEdit(this);
    m_input->setObjectName(QStringLiteral("jwtInputPlainTextEdit"));
    m_input->setPlaceholderText(tr("Paste a JWT (or pick Inspect on a token)\u2026"));
    m_input->setFont(mono);
    m_input->setMaximumHeight(70);
    m_input->setWordWrapMode(QTextOption::WrapAnywhere);
    layout->addWidget(m_input);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("jwtErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d03030"));
    layout->addWidget(m_error);
    m_parts = new QTextBrowser(this);
    m_parts->setFont(mono);
    m_parts->setMaximumHeight(80);
    m_parts->setWordWrapMode(QTextOption::WrapAnywhere);
    layout->addWidget(m_parts);

    m_tabs = new QTabWidget(this);
    m_claims = new QTableWidget(0, 3, m_tabs);
    m_claims->setObjectName(QStringLiteral("jwtClaimsTableWidget"));
    m_claims->setHorizontalHeaderLabels({tr("Claim"), tr("Value"), tr("Meaning")});
    m_claims->horizontalHeader()->setStretchLastSection(true);
    m_claims->verticalHeader()->hide();
    m_claims->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_header = new QPlainTextEdit(m_tabs);
    m_payload = new QPlainTextEdit(m_tabs);
    for (QPlainTextEdit* e : {m_header, m_payload}) {
        e->setReadOnly(true);
        e->setFont(mono);
        new JsonHighlighter(e->document());
    }
    m_tabs->addTab(m_claims, tr("&Claims"));
    m_tabs->addTab(m_header, tr("&Header"));
    m_tabs->addTab(m_payload, tr("Pa&yload"));
    layout->addWidget(m_tabs, 1);

    auto* copyRow = new QHBoxLayout;
    auto addCopy = [&](const QString& text, auto getter, bool secret) {
        auto* b = new QPushButton(text, this);
        connect(b, &QPushButton::clicked, this, [getter, secret] {
            if (secret)
                Clipboard::copySecret(getter());
            else
                Clipboard::copyText(getter());
        });
        copyRow->addWidget(b);
    };
    addCopy(tr("Copy token"), [this] { return token(); }, true);
    addCopy(tr("Copy header"), [this] { return m_header->toPlainText(); }, false);
    addCopy(tr("Copy payload"), [this] { return m_payload->toPlainText(); }, false);
    copyRow->addStretch();
    layout->addLayout(copyRow);

    auto* verifyBox = new QGroupBox(tr("Verification"), this);
    auto* form = new QFormLayout(verifyBox);
    m_source = new QComboBox(verifyBox);
    m_source->setObjectName(QStringLiteral("jwtKeySourceComboBox"));
    m_source->addItem(tr("Issuer's keys (discovered from iss)"), int(KeySource::Issuer));
    m_source->addItem(tr("JWKS URL"), int(KeySource::JwksUrl));
    m_source->addItem(tr("JWKS or JWK file"), int(KeySource::JwksFile));
    m_source->addItem(tr("PEM public key or certificate file"), int(KeySource::PemFile));
    m_source->addItem(tr("HMAC secret (environment variable)"), int(KeySource::HmacSecret));
    m_sourceValue = new QLineEdit(verifyBox);
    m_sourceValue->setObjectName(QStringLiteral("jwtKeyValueLineEdit"));
    auto* browse = new QPushButton(tr("Browse\u2026"), verifyBox);
    auto* sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_sourceValue, 1);
    sourceRow->addWidget(browse);
    m_issuer = new QLineEdit(verifyBox);
    m_issuer->setPlaceholderText(tr("expected iss (optional)"));
    m_audience = new QLineEdit(verifyBox);
    m_audience->setPlaceholderText(tr("expected aud (optional)"));
    m_skew = new QSpinBox(verifyBox);
    m_skew->setRange(0, 3600);
    m_skew->setSuffix(tr(" s"));
    m_skew->setValue(30);
    form->addRow(tr("&Keys"), m_source);
    form->addRow(QString(), sourceRow);
    form->addRow(tr("&Issuer"), m_issuer);
    form->addRow(tr("&Audience"), m_audience);
    form->addRow(tr("Clock &skew"), m_skew);
    m_verify = new QPushButton(tr("&Verify"), verifyBox);
    m_verify->setObjectName(QStringLiteral("jwtVerifyPushButton"));
    m_verdict = new QLabel(verifyBox);
    m_verdict->setObjectName(QStringLiteral("jwtVerdictLabel"));
    auto* verifyRow = new QHBoxLayout;
    verifyRow->addWidget(m_verify);
    verifyRow->addWidget(m_verdict, 1);
    form->addRow(verifyRow);
    m_results = new QListWidget(verifyBox);
    m_results->setObjectName(QStringLiteral("jwtResultsListWidget"));
    form->addRow(m_results);
    layout->addWidget(verifyBox);

    auto updateSource = [this, browse] {
        const auto source = KeySource(m_source->currentData().toInt());
        m_sourceValue->setEnabled(source != KeySource::Issuer);
        browse->setVisible(source == KeySource::JwksFile || source == KeySource::PemFile);
        m_sourceValue->setPlaceholderText(source == KeySource::JwksUrl      ? tr("https://as.example.com/jwks")
                                          : source == KeySource::HmacSecret ? tr("NAME of the environment variable")
                                          : source == KeySource::Issuer     ? tr("from the token's iss")
                                                                            : tr("file path"));
    };
    connect(m_source, &QComboBox::currentIndexChanged, this, updateSource);
    updateSource();
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose a key file"));
        if (!path.isEmpty())
            m_sourceValue->setText(path);
    });
    connect(m_verify, &QPushButton::clicked, this, &JwtPanel::verify);
    connect(m_verifier, &Jwt::IssuerVerifier::finished, this, [this](const Jwt::IssuerVerifier::Result& r) {
        QStringList lines;
        if (!r.error.isEmpty())
            lines << QStringLiteral("\u2718 ") + r.error;
        if (r.attempted) {
            lines << (r.signature.isValid() ? QStringLiteral("\u2714 ") : QStringLiteral("\u2718 ")) + r.signature.message +
                         tr(" \u2014 keys from %1").arg(r.keySource);
            for (const Jwt::ClaimCheck& c : r.checks)
                lines << (c.passed ? QStringLiteral("\u2714 ") : QStringLiteral("\u2718 ")) + c.name + QStringLiteral(": ") + c.reason;
        }
        showResult(r.valid(), lines);
    });

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(120);
    connect(m_debounce, &QTimer::timeout, this, &JwtPanel::decode);
    connect(m_input, &QPlainTextEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    decode();
}

JwtPanel::~JwtPanel() = default;

void JwtPanel::setToken(const QString& token)
{
    m_input->setPlainText(token);
    decode();
}

QString JwtPanel::token() const
{
    return m_input->toPlainText().trimmed();
}

void JwtPanel::setKeySource(KeySource source, const QString& value)
{
    m_source->setCurrentIndex(m_source->findData(int(source)));
    m_sourceValue->setText(value);
}

void JwtPanel::setExpectations(const QString& issuer, const QString& audience)
{
    m_issuer->setText(issuer);
    m_audience->setText(audience);
}

QString JwtPanel::errorText() const
{
    return m_error->text();
}

QString JwtPanel::claimText(const QString& claim, int column) const
{
    for (int r = 0; r < m_claims->rowCount(); ++r) {
        if (m_claims->item(r, 0)->text() == claim)
            return m_claims->item(r, column)->text();
    }
    return {};
}

QStringList JwtPanel::resultLines() const
{
    QStringList lines;
    for (int i = 0; i < m_results->count(); ++i)
        lines << m_results->item(i)->text();
    return lines;
}

void JwtPanel::decode()
{
    m_debounce->stop();
    m_results->clear();
    m_verdict->clear();
    const QString text = token();
    m_claims->setRowCount(0);
    m_header->clear();
    m_payload->clear();
    m_parts->clear();
    if (text.isEmpty()) {
        m_error->clear();
        m_verify->setEnabled(false);
        return;
    }
    const auto decoded = Jwt::decodeToken(text);
    if (!decoded) {
        m_error->setText(decoded.error().message);
        m_verify->setEnabled(false);
        return;
    }
    m_error->setText(decoded->isEncrypted() ? tr("An encrypted token (JWE): only its protected header can be shown.")
                                            : QString());
    const QStringList parts = text.split(u'.');
    static const QStringList colours = {QStringLiteral("#d63aff"), QStringLiteral("#00a6b4"), QStringLiteral("#fb015b"),
                                        QStringLiteral("#8a8a8a"), QStringLiteral("#e08000")};
    QStringList html;
    for (qsizetype i = 0; i < parts.size(); ++i)
        html << QStringLiteral("<span style='color:%1'>%2</span>").arg(colours.value(i), parts.at(i).toHtmlEscaped());
    m_parts->setHtml(html.join(u'.'));
    m_header->setPlainText(Jwt::toPrettyJson(decoded->header));
    m_payload->setPlainText(decoded->payloadIsObject ? Jwt::toPrettyJson(decoded->payload)
                                                     : QString::fromUtf8(decoded->payloadBytes));
    if (decoded->payloadIsObject) {
        ClaimTable::fill(m_claims, decoded->payload);
    }
    m_verify->setEnabled(!decoded->isEncrypted());
}

void JwtPanel::verify()
{
    const QString text = token();
    const auto decoded = Jwt::decodeToken(text);
    if (!decoded || decoded->isEncrypted())
        return;
    Jwt::ClaimExpectations expected;
    expected.clockSkewSeconds = m_skew->value();
    if (!m_issuer->text().trimmed().isEmpty())
        expected.issuer = m_issuer->text().trimmed();
    if (!m_audience->text().trimmed().isEmpty())
        expected.audience = m_audience->text().trimmed();

    const auto source = KeySource(m_source->currentData().toInt());
    const QString value = m_sourceValue->text().trimmed();
    m_results->clear();
    m_verdict->setText(tr("Verifying\u2026"));
    if (source == KeySource::Issuer || source == KeySource::JwksUrl) {
        m_verifier->verify(text.toUtf8(), expected, source == KeySource::JwksUrl ? QUrl(value) : QUrl());
        return;
    }
    auto finishWith = [&](const Jwt::Verification& v, const QString& from) {
        QStringList lines;
        lines << (v.isValid() ? QStringLiteral("\u2714 ") : QStringLiteral("\u2718 ")) + v.message + tr(" \u2014 key from %1").arg(from);
        const auto checks = Jwt::checkClaims(*decoded, expected, QDateTime::currentDateTimeUtc());
        for (const Jwt::ClaimCheck& c : checks)
            lines << (c.passed ? QStringLiteral("\u2714 ") : QStringLiteral("\u2718 ")) + c.name + QStringLiteral(": ") + c.reason;
        showResult(v.isValid() && Jwt::allPassed(checks), lines);
    };
    if (source == KeySource::HmacSecret) {
        const auto v = Core::ValueResolver().lookup(value);
        if (!v) {
            showResult(false, {tr("\u2718 environment variable \"%1\" is not set").arg(value)});
            return;
        }
        finishWith(Jwt::verifySignature(*decoded, Jwt::JwtKey::fromSecret(Core::SecureBytes::fromUtf8(*v))),
                   tr("the HMAC secret in %1").arg(value));
        return;
    }
    const auto read = Core::readFileLimited(value, Core::FileLimits::KeyFile,
                                            source == KeySource::PemFile ? QStringLiteral("key file")
                                                                         : QStringLiteral("JWKS file"));
    if (!read) {
        showResult(false, {tr("\u2718 cannot read %1: %2").arg(value, read.error().message)});
        return;
    }
    const QByteArray& bytes = *read;
    if (source == KeySource::PemFile) {
        const auto key = Jwt::JwtKey::fromPem(bytes);
        if (!key) {
            showResult(false, {QStringLiteral("\u2718 ") + key.error().message});
            return;
        }
        finishWith(Jwt::verifySignature(*decoded, key.value()), value);
    } else {
        const auto set = Jwt::JwkSet::fromJson(bytes, Jwt::JwkSource::LocalFile);
        if (!set) {
            showResult(false, {QStringLiteral("\u2718 ") + set.error().message});
            return;
        }
        finishWith(Jwt::verifySignature(*decoded, set.value()), value);
    }
}

void JwtPanel::showResult(bool valid, const QStringList& lines)
{
    m_results->clear();
    for (const QString& line : lines) {
        auto* item = new QListWidgetItem(line, m_results);
        item->setForeground(line.startsWith(QStringLiteral("\u2714")) ? QColor(0x2e, 0xa0, 0x43) : QColor(0xd0, 0x30, 0x30));
    }
    m_verdict->setText(valid ? tr("\u2714 valid") : tr("\u2718 not valid"));
    Q_EMIT verified(valid);
}

} // namespace Tokenbench::Ui

#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;
class QTextBrowser;
class QTimer;

namespace Tokenbench::Core::Jwt {
class IssuerVerifier;
class JwksCache;
} // namespace Tokenbench::Core::Jwt

namespace Tokenbench::Ui {

// The JWT inspector: paste or receive any token; see header, payload and signature coloured, the claims
// explained (times as local time, UTC and "expires in 4 min"), and verify it against the issuer's keys
// (discovered from iss), a JWKS URL or file, a PEM key or certificate, or an HMAC secret from the
// environment. Every check is one line with a plain-language reason.
class JwtPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JwtPanel)

public:
    enum class KeySource { Issuer, JwksUrl, JwksFile, PemFile, HmacSecret };
    Q_ENUM(KeySource)

    explicit JwtPanel(QNetworkAccessManager* network, QWidget* parent = nullptr);
    ~JwtPanel() override;

    void setToken(const QString& token);
    QString token() const;
    void setKeySource(KeySource source, const QString& value = {});
    void setExpectations(const QString& issuer, const QString& audience);
    void verify();
    QStringList resultLines() const;
    QString claimText(const QString& claim, int column) const;
    QString errorText() const;

Q_SIGNALS:
    void verified(bool valid);

private:
    void decode();
    void showResult(bool valid, const QStringList& lines);

    QNetworkAccessManager* m_network;
    Core::Jwt::JwksCache* m_cache;
    Core::Jwt::IssuerVerifier* m_verifier;
    QPlainTextEdit* m_input;
    QTimer* m_debounce;
    QLabel* m_error;
    QTextBrowser* m_parts;
    QTabWidget* m_tabs;
    QTableWidget* m_claims;
    QPlainTextEdit* m_header;
    QPlainTextEdit* m_payload;
    QComboBox* m_source;
    QLineEdit* m_sourceValue;
    QLineEdit* m_issuer;
    QLineEdit* m_audience;
    QSpinBox* m_skew;
    QPushButton* m_verify;
    QLabel* m_verdict;
    QListWidget* m_results;
};

} // namespace Tokenbench::Ui

#pragma once

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>
#include <QTemporaryDir>

namespace Tokenbench::Test {

// A throw-away PKI in a temporary folder, made by the openssl command line tool at test time: a CA
// ("ca", "Tokenbench Test CA"), another CA ("otherca") and leaf certificates signed by either (or
// self-signed). Key files are EC P-256 PEM (PKCS#8). Never real secrets.
class Pki
{
public:
    bool init(QString* error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        QFile cnf(path(QStringLiteral("openssl.cnf")));
        if (!cnf.open(QIODevice::WriteOnly))
            return false;
        cnf.write("[req]\ndistinguished_name = dn\nprompt = no\n[dn]\nCN = unused\n"
                  "[ca_ext]\nbasicConstraints = critical,CA:TRUE\nkeyUsage = critical,keyCertSign,cRLSign\n"
                  "subjectKeyIdentifier = hash\n"
                  "[leaf]\nbasicConstraints = critical,CA:FALSE\nkeyUsage = critical,digitalSignature\n"
                  "extendedKeyUsage = serverAuth,clientAuth\n"
                  "[ca]\ndefault_ca = tbca\n"
                  "[tbca]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\ndefault_md = sha256\n"
                  "policy = pol\ncopy_extensions = copy\nunique_subject = no\nx509_extensions = leaf\n"
                  "[pol]\ncommonName = supplied\n");
        cnf.close();
        QFile index(path(QStringLiteral("index.txt")));
        QFile serial(path(QStringLiteral("serial")));
        if (!index.open(QIODevice::WriteOnly) || !serial.open(QIODevice::WriteOnly) ||
            serial.write("1000\n") != 5)
            return false;
        return makeCa(QStringLiteral("ca"), QStringLiteral("Tokenbench Test CA"), error) &&
               makeCa(QStringLiteral("otherca"), QStringLiteral("Some Other CA"), error);
    }

    bool makeCa(const QString& name, const QString& cn, QString* error)
    {
        return openssl(QStringList{QStringLiteral("req"), QStringLiteral("-config"),
                                   path(QStringLiteral("openssl.cnf")), QStringLiteral("-x509")} +
                           newKey(name) +
                           QStringList{QStringLiteral("-out"), path(name + QStringLiteral(".pem")),
                                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                                       QStringLiteral("/CN=") + cn, QStringLiteral("-extensions"),
                                       QStringLiteral("ca_ext")},
                       error);
    }

    // A leaf certificate `name` for `san` (e.g. "IP:127.0.0.1"), signed by `ca`, or self-signed when `ca` is
    // empty.
    bool makeLeaf(const QString& name, const QString& san, const QString& ca, QString* error)
    {
        QStringList args{QStringLiteral("req"), QStringLiteral("-config"),
                         path(QStringLiteral("openssl.cnf")), QStringLiteral("-x509")};
        if (!ca.isEmpty())
            args << QStringLiteral("-CA") << path(ca + QStringLiteral(".pem")) << QStringLiteral("-CAkey")
                 << path(ca + QStringLiteral(".key"));
        args << newKey(name);
        args << QStringLiteral("-out") << path(name + QStringLiteral(".pem")) << QStringLiteral("-days")
             << QStringLiteral("2") << QStringLiteral("-subj") << QStringLiteral("/CN=") + name
             << QStringLiteral("-extensions") << QStringLiteral("leaf") << QStringLiteral("-addext")
             << QStringLiteral("subjectAltName=") + san;
        return openssl(args, error);
    }

    // A leaf signed by `ca` whose validity ended long ago: OpenSSL 3.0's x509/req take no past dates, `ca`
    // does.
    bool makeExpiredLeaf(const QString& name, const QString& san, const QString& ca, QString* error)
    {
        const QString csr = path(name + QStringLiteral(".csr"));
        if (!openssl(QStringList{QStringLiteral("req"), QStringLiteral("-config"),
                                 path(QStringLiteral("openssl.cnf")), QStringLiteral("-new")} +
                         newKey(name) +
                         QStringList{QStringLiteral("-out"), csr, QStringLiteral("-subj"),
                                     QStringLiteral("/CN=") + name, QStringLiteral("-addext"),
                                     QStringLiteral("subjectAltName=") + san},
                     error))
            return false;
        return openssl({QStringLiteral("ca"), QStringLiteral("-config"), path(QStringLiteral("openssl.cnf")),
                        QStringLiteral("-batch"), QStringLiteral("-notext"), QStringLiteral("-cert"),
                        path(ca + QStringLiteral(".pem")), QStringLiteral("-keyfile"),
                        path(ca + QStringLiteral(".key")), QStringLiteral("-in"), csr, QStringLiteral("-out"),
                        path(name + QStringLiteral(".pem")), QStringLiteral("-startdate"),
                        QStringLiteral("20200101000000Z"), QStringLiteral("-enddate"),
                        QStringLiteral("20200102000000Z")},
                       error);
    }

    QSslCertificate certificate(const QString& name) const
    {
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(path(name + QStringLiteral(".pem")));
        return certs.isEmpty() ? QSslCertificate() : certs.constFirst();
    }

    QSslKey key(const QString& name) const
    {
        QFile f(path(name + QStringLiteral(".key")));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QSslKey(f.readAll(), QSsl::Ec);
    }

    QString path(const QString& file) const { return m_dir.filePath(file); }

private:
    QStringList newKey(const QString& name) const
    {
        return {QStringLiteral("-newkey"),          QStringLiteral("ec"),
                QStringLiteral("-pkeyopt"),         QStringLiteral("ec_paramgen_curve:P-256"),
                QStringLiteral("-nodes"),           QStringLiteral("-keyout"),
                path(name + QStringLiteral(".key"))};
    }

    bool openssl(const QStringList& args, QString* error)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(20000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            *error = QStringLiteral("openssl %1 failed: %2 %3")
                         .arg(args.join(u' '), p.errorString(), QString::fromLocal8Bit(p.readAll()));
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
};

} // namespace Tokenbench::Test

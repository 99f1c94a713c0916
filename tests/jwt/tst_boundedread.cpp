// readFileLimited(): whole-file reads with a size limit, for regular files, devices and pipes.
#include "util/boundedread.h"
#include "util/testsupport.h"

#include <csignal>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Tokenbench::Core;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

class TestBoundedRead final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        Tokenbench::Test::initTestEnvironment();
        QVERIFY(m_dir.isValid());
        // The endless FIFO writer below gets EPIPE instead of a fatal signal once the reader is gone.
        std::signal(SIGPIPE, SIG_IGN);
    }

    void regularFile_withinLimit_readWhole()
    {
        const QByteArray bytes = QByteArray(200000, 'k') + "end";
        const QString path = writeFile(m_dir, QStringLiteral("key.pem"), bytes);
        auto read = readFileLimited(path, FileLimits::KeyFile, QStringLiteral("key file"));
        QVERIFY(read.ok());
        QCOMPARE(*read, bytes);
        // Exactly at the limit is still fine.
        auto atLimit = readFileLimited(path, bytes.size(), QStringLiteral("key file"));
        QVERIFY(atLimit.ok());
        QCOMPARE(atLimit->size(), bytes.size());
        // An empty file is empty, not an error.
        auto empty = readFileLimited(writeFile(m_dir, QStringLiteral("empty"), {}), 10, QStringLiteral("key file"));
        QVERIFY(empty.ok());
        QVERIFY(empty->isEmpty());
    }

    void regularFile_overLimit_namesFileKindAndLimit()
    {
        const QString path = writeFile(m_dir, QStringLiteral("big.jwks"), QByteArray(FileLimits::KeyFile + 1, '{'));
        auto read = readFileLimited(path, FileLimits::KeyFile, QStringLiteral("JWKS file"));
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, Error::Code::Io);
        QCOMPARE(read.error().where, path);
        QVERIFY2(read.error().message.contains(QStringLiteral("JWKS file")), qPrintable(read.error().message));
        QVERIFY2(read.error().message.contains(QStringLiteral("1 MiB")), qPrintable(read.error().message));
    }

    void devZero_failsAtOnceWithTheLimit()
    {
        if (!QFile::exists(QStringLiteral("/dev/zero")))
            QSKIP("no /dev/zero");
        auto read = readFileLimited(QStringLiteral("/dev/zero"), FileLimits::KeyFile, QStringLiteral("key file"));
        QVERIFY(!read.ok());
        QVERIFY2(read.error().message.contains(QStringLiteral("larger than 1 MiB")), qPrintable(read.error().message));
        QCOMPARE(read.error().where, QStringLiteral("/dev/zero"));
    }

    void fifo_endlessWriter_stopsAtTheLimit()
    {
        const QString path = m_dir.filePath(QStringLiteral("endless.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        // A writer that never stops on its own: it ends when the reader closes the pipe (EPIPE).
        std::thread writer([path] {
            const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY);
            if (fd < 0)
                return;
            const QByteArray chunk(4096, 'x');
            while (::write(fd, chunk.constData(), static_cast<size_t>(chunk.size())) > 0) {
            }
            ::close(fd);
        });
        auto read = readFileLimited(path, 256 * 1024, QStringLiteral("token file"));
        writer.join();
        QVERIFY(!read.ok());
        QVERIFY2(read.error().message.contains(QStringLiteral("larger than 256 KiB")), qPrintable(read.error().message));
    }

    void fifo_finiteWriter_readsUntilItCloses()
    {
        // A FIFO reports size 0; the read must not trust that and must take everything written.
        const QString path = m_dir.filePath(QStringLiteral("finite.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        const QByteArray payload = QByteArray(100000, 'p') + "tail";
        std::thread writer([path, payload] {
            const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY);
            if (fd < 0)
                return;
            qsizetype done = 0;
            while (done < payload.size()) {
                const auto n = ::write(fd, payload.constData() + done, static_cast<size_t>(payload.size() - done));
                if (n <= 0)
                    break;
                done += n;
            }
            ::close(fd);
        });
        auto read = readFileLimited(path, FileLimits::KeyFile, QStringLiteral("key file"));
        writer.join();
        QVERIFY(read.ok());
        QCOMPARE(*read, payload);
    }

    void folderAndMissingFile_clearErrors()
    {
        auto folder = readFileLimited(m_dir.path(), FileLimits::KeyFile, QStringLiteral("key file"));
        QVERIFY(!folder.ok());
        QVERIFY2(folder.error().message.contains(QStringLiteral("folder")), qPrintable(folder.error().message));
        auto missing = readFileLimited(m_dir.filePath(QStringLiteral("nope.pem")), FileLimits::KeyFile,
                                       QStringLiteral("key file"));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.startsWith(QStringLiteral("cannot read the key file")),
                 qPrintable(missing.error().message));
    }

    void device_overLimit_refused()
    {
        QByteArray data(5000, 't');
        QBuffer buffer(&data);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        auto read = readDeviceLimited(buffer, 4999, QStringLiteral("token"), QStringLiteral("standard input"));
        QVERIFY(!read.ok());
        QCOMPARE(read.error().where, QStringLiteral("standard input"));
        QVERIFY2(read.error().message.contains(QStringLiteral("the token is larger than")), qPrintable(read.error().message));
        buffer.seek(0);
        auto whole = readDeviceLimited(buffer, 5000, QStringLiteral("token"), QStringLiteral("standard input"));
        QVERIFY(whole.ok());
        QCOMPARE(whole->size(), qsizetype(5000));
    }

    void byteSizeText_readable()
    {
        QCOMPARE(byteSizeText(FileLimits::KeyFile), QStringLiteral("1 MiB"));
        QCOMPARE(byteSizeText(FileLimits::Token), QStringLiteral("16 MiB"));
        QCOMPARE(byteSizeText(256 * 1024), QStringLiteral("256 KiB"));
        QCOMPARE(byteSizeText(100), QStringLiteral("100 bytes"));
        QCOMPARE(byteSizeText(1), QStringLiteral("1 byte"));
    }
};

QTEST_GUILESS_MAIN(TestBoundedRead)
#include "tst_boundedread.moc"

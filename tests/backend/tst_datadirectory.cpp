#include "core/datadirectory.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using cloudex::DataDirectory;

class TestDataDirectory : public QObject
{
    Q_OBJECT

private slots:
    void createsPrivateDirectory()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"nested/data"_qs);
        const auto prepared = DataDirectory::prepare(path);
        QVERIFY(prepared.ok());
        QCOMPARE(*prepared, QFileInfo(path).absoluteFilePath());
        QVERIFY(QFileInfo(path).isDir());
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    void keepsExistingDirectory()
    {
        QTemporaryDir tmp;
        QFile marker(tmp.filePath(u"marker"_qs));
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.close();
        QVERIFY(DataDirectory::prepare(tmp.path()).ok());
        QVERIFY(marker.exists());
    }

    void rejectsFile()
    {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(u"plain-file"_qs);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const auto prepared = DataDirectory::prepare(file);
        QVERIFY(!prepared.ok());
        QCOMPARE(prepared.error().code, u"datadir.not-a-directory"_qs);
        QVERIFY(QFileInfo(file).isFile());
    }

    void rejectsEmpty()
    {
        const auto prepared = DataDirectory::prepare(u"  "_qs);
        QVERIFY(!prepared.ok());
        QCOMPARE(prepared.error().code, u"datadir.empty"_qs);
    }

    void defaultIsPerUser()
    {
        QVERIFY(DataDirectory::defaultPath().endsWith(u"/CloudEx"_qs));
    }
};

QTEST_GUILESS_MAIN(TestDataDirectory)
#include "tst_datadirectory.moc"

// Runs the cloudex executable the way a user or a script would.
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TestDesktopCli : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode;
        QString out;
        QString err;
    };

    Run run(const QStringList &args)
    {
        QProcess process;
        process.start(QStringLiteral(CLOUDEX_DESKTOP_BINARY), args);
        if (!process.waitForFinished(60000)) {
            process.kill();
            return {-1, {}, u"timed out"_qs};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private slots:
    void screenshotOfEachWorkspace_data()
    {
        QTest::addColumn<QString>("workspace");
        QTest::newRow("market") << u"market"_qs;
        QTest::newRow("buy") << u"buy"_qs;
        QTest::newRow("sell") << u"sell"_qs;
    }

    void screenshotOfEachWorkspace()
    {
        QFETCH(QString, workspace);
        QTemporaryDir dir;
        const QString file = dir.filePath(workspace + u".png"_qs);
        const Run r = run({u"--data-dir"_qs, dir.filePath(u"data"_qs), u"--screenshot"_qs, file,
                           u"--workspace"_qs, workspace});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        QImage image(file);
        QVERIFY2(!image.isNull(), "screenshot is not a readable PNG");
        // The window's default size (MainWindow::defaultSize()).
        QCOMPARE(image.size(), QSize(1280, 800));

        // A real window has text, frames and tables: many colours, no single one dominating.
        QHash<QRgb, int> histogram;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2)
                ++histogram[image.pixel(x, y)];
        }
        QVERIFY2(histogram.size() > 16, qPrintable(QString::number(histogram.size())));
        const int samples = (image.width() / 2) * (image.height() / 2);
        int dominant = 0;
        for (int n : std::as_const(histogram))
            dominant = std::max(dominant, n);
        QVERIFY2(dominant < samples * 95 / 100, "one colour covers the whole window");
    }

    void germanMessages()
    {
        QTemporaryDir dir;
        const Run r = run({u"--data-dir"_qs, dir.path(), u"--lang"_qs, u"de"_qs, u"--workspace"_qs, u"trade"_qs});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"unbekannter Arbeitsbereich"_qs), qPrintable(r.err));
    }

    void unavailableFeatureIsReported_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("remote exchange") << QStringList{u"--exchange"_qs, u"https://exchange.example:8443"_qs};
    }

    void unavailableFeatureIsReported()
    {
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        const Run r = run(QStringList{u"--data-dir"_qs, dir.path(), u"--screenshot"_qs, dir.filePath(u"x.png"_qs)}
                          + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"not available"_qs), qPrintable(r.err));
        QVERIFY2(!QFile::exists(dir.filePath(u"x.png"_qs)), "nothing may run after a refused option");
    }

    void libvirtConnectsTheSellWorkspace()
    {
        // libvirt's built-in test host instead of the embedded site: the agent records it.
        QTemporaryDir dir;
        const QString file = dir.filePath(u"sell.png"_qs);
        const Run r = run({u"--data-dir"_qs, dir.filePath(u"data"_qs), u"--libvirt"_qs, u"test:///default"_qs,
                           u"--screenshot"_qs, file, u"--workspace"_qs, u"sell"_qs});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!QImage(file).isNull());
        QVERIFY(QFile::exists(dir.filePath(u"data/connect.sqlite"_qs)));
        // No simulated hosts were written: --libvirt replaces the embedded site.
        QVERIFY(!QFile::exists(dir.filePath(u"data/connect/hosts/host1.xml"_qs)));
    }

    void embeddedSiteIsWritten()
    {
        QTemporaryDir dir;
        const Run r = run({u"--data-dir"_qs, dir.path(), u"--screenshot"_qs, dir.filePath(u"x.png"_qs)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char *host : {"host1", "host2", "host3", "host4"})
            QVERIFY(QFile::exists(dir.filePath(u"connect/hosts/%1.xml"_qs.arg(QLatin1String(host)))));
    }

    void badDataDirectory()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"file"_qs));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Run r = run({u"--data-dir"_qs, file.fileName(), u"--screenshot"_qs, dir.filePath(u"x.png"_qs)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"not a directory"_qs), qPrintable(r.err));
    }

    void version()
    {
        const Run r = run({u"--version"_qs});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(u"CloudEx "_qs), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestDesktopCli)
#include "tst_desktopcli.moc"

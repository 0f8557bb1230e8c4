// Runs the cloudex executable the way a user or a script would.
#include <QDir>
#include <QImage>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QTcpServer>
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
        QTest::newRow("buy-strategy") << u"buy-strategy"_qs;
        QTest::newRow("buy-sla") << u"buy-sla"_qs;
        QTest::newRow("chargeback") << u"chargeback"_qs;
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
        const Run r =
            run({u"--data-dir"_qs, dir.path(), u"--lang"_qs, u"de"_qs, u"--workspace"_qs, u"trade"_qs});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"unbekannter Arbeitsbereich"_qs), qPrintable(r.err));
    }

    /// A self-signed PKCS#12 identity (not from any exchange) protected by `passphrase`.
    static bool makeIdentity(const QTemporaryDir &dir, const QString &passphrase)
    {
        QProcess req;
        req.start(u"openssl"_qs,
                  {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                   u"ec_paramgen_curve:P-256"_qs, u"-subj"_qs, u"/O=p-x/CN=u-x"_qs, u"-nodes"_qs,
                   u"-keyout"_qs, dir.filePath(u"k.pem"_qs), u"-out"_qs, dir.filePath(u"c.pem"_qs)});
        if (!req.waitForFinished() || req.exitCode() != 0)
            return false;
        QProcess p12;
        p12.start(u"openssl"_qs, {u"pkcs12"_qs, u"-export"_qs, u"-in"_qs, dir.filePath(u"c.pem"_qs),
                                  u"-inkey"_qs, dir.filePath(u"k.pem"_qs), u"-passout"_qs,
                                  u"pass:"_qs + passphrase, u"-out"_qs, dir.filePath(u"me.p12"_qs)});
        return p12.waitForFinished() && p12.exitCode() == 0;
    }

    void remoteIdentityErrorsChangeNothing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<QString>("message");
        QTest::newRow("wrong passphrase") << u"me.p12"_qs << u"wrong"_qs << u"passphrase is wrong"_qs;
        QTest::newRow("not pkcs12") << u"c.pem"_qs << u"right"_qs << u"not a PKCS#12"_qs;
        QTest::newRow("no CA in the file") << u"me.p12"_qs << u"right"_qs << u"no CA certificate"_qs;
    }

    void remoteIdentityErrorsChangeNothing()
    {
        QFETCH(QString, file);
        QFETCH(QString, passphrase);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(makeIdentity(dir, u"right"_qs));
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CLOUDEX_PASSPHRASE"_qs, passphrase);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(CLOUDEX_DESKTOP_BINARY),
                      {u"--data-dir"_qs, dir.filePath(u"data"_qs), u"--exchange"_qs,
                       u"https://127.0.0.1:9"_qs, u"--identity"_qs, dir.filePath(file), u"--screenshot"_qs,
                       dir.filePath(u"x.png"_qs)});
        QVERIFY(process.waitForFinished(60000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitCode(), 2);
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY2(!QFile::exists(dir.filePath(u"data"_qs)),
                 "a refused identity must not create the data directory");
        QVERIFY(!QFile::exists(dir.filePath(u"x.png"_qs)));
    }

    void remoteExchangeConnects()
    {
        // A real cloudex-exchange daemon on loopback, a user identity it issued, and the
        // desk connecting to it with that identity instead of starting its own exchange.
        QTemporaryDir dir;
        const QString exchangeDir = dir.filePath(u"exchange"_qs);
        const QString exchange = QStringLiteral(CLOUDEX_EXCHANGE_BINARY);
        QProcess init;
        init.start(exchange, {u"--data-dir"_qs, exchangeDir, u"--init"_qs});
        QVERIFY(init.waitForFinished(60000) && init.exitCode() == 0);
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        const QString url = u"https://127.0.0.1:%1"_qs.arg(port);
        QProcess daemon;
        daemon.start(exchange, {u"--data-dir"_qs, exchangeDir, u"--listen"_qs, u"127.0.0.1:%1"_qs.arg(port)});
        QVERIFY(daemon.waitForStarted());
        const auto stop = qScopeGuard([&] {
            daemon.terminate();
            if (!daemon.waitForFinished(10000))
                daemon.kill();
        });
        const QString p12 = dir.filePath(u"bob.p12"_qs);
        bool issued = false;
        for (int attempt = 0; attempt < 50 && !issued; ++attempt) {
            QProcess onboard;
            onboard.start(exchange,
                          {u"--data-dir"_qs, exchangeDir, u"--server"_qs, url, u"onboard"_qs, u"--kind"_qs,
                           u"user"_qs, u"--participant"_qs, u"p-remote"_qs, u"--name"_qs, u"u-bob"_qs,
                           u"--permissions"_qs, u"trade"_qs, u"--out"_qs, p12});
            issued = onboard.waitForFinished(30000) && onboard.exitCode() == 0;
            if (!issued)
                QTest::qWait(200); // the daemon may still be starting
        }
        QVERIFY(issued);

        QProcess desk;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CLOUDEX_PASSPHRASE"_qs, u"cloudex"_qs);
        desk.setProcessEnvironment(env);
        const QString shot = dir.filePath(u"remote.png"_qs);
        desk.start(QStringLiteral(CLOUDEX_DESKTOP_BINARY),
                   {u"--data-dir"_qs, dir.filePath(u"desk"_qs), u"--exchange"_qs, url, u"--identity"_qs, p12,
                    u"--screenshot"_qs, shot, u"--workspace"_qs, u"market"_qs});
        QVERIFY(desk.waitForFinished(60000));
        const QString err = QString::fromUtf8(desk.readAllStandardError());
        QVERIFY2(desk.exitCode() == 0, qPrintable(err));
        QVERIFY2(!err.contains(u"did not answer"_qs), qPrintable(err));
        QVERIFY(!QImage(shot).isNull());
        // No embedded exchange was created for a remote one.
        QVERIFY(!QFile::exists(dir.filePath(u"desk/exchange"_qs)));
    }

    void demoMarketOnboardsSimulatedTraders()
    {
        QTemporaryDir dir;
        const QString shot = dir.filePath(u"demo.png"_qs);
        const Run r = run({u"--data-dir"_qs, dir.path(), u"--demo-market"_qs, u"--screenshot"_qs, shot,
                           u"--workspace"_qs, u"market"_qs});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!QImage(shot).isNull());
        const QStringList identities =
            QDir(dir.filePath(u"exchange/identities"_qs)).entryList({u"p-demo-*"_qs});
        QVERIFY2(identities.size() >= 4, qPrintable(identities.join(u' ')));
    }

    void demoMarketBuysAtADemoSellersSite()
    {
        // The Buy workspace's screenshot waits for the demo buyer's contract and VMs.
        QTemporaryDir dir;
        const QString shot = dir.filePath(u"buy.png"_qs);
        const Run r = run({u"--data-dir"_qs, dir.path(), u"--demo-market"_qs, u"--screenshot"_qs, shot,
                           u"--workspace"_qs, u"buy"_qs});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!QImage(shot).isNull());
        QVERIFY2(!r.err.contains(u"did not show in time"_qs), qPrintable(r.err));
        // One site per simulated seller, with an identity of the embedded CA and a kept port.
        const QStringList sites =
            QDir(dir.filePath(u"exchange/identities"_qs)).entryList({u"site-s-*.cert.pem"_qs});
        QCOMPARE(sites.size(), 4);
        const QStringList siteDirs =
            QDir(dir.filePath(u"demo-sites"_qs)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(siteDirs.size(), 4);
        for (const QString &site : siteDirs)
            QVERIFY(QFile::exists(dir.filePath(u"demo-sites/"_qs + site + u"/port"_qs)));
        QVERIFY2(r.err.contains(u"VM web-1 scheduled"_qs) || r.err.contains(u"creating VM web-1"_qs),
                 qPrintable(r.err));
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

    void embeddedExchangeThatCannotStart()
    {
        // The exchange starts on its own thread after the window opened; when it cannot, the
        // reason is on stderr and the desk still runs, unconnected.
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"data/exchange"_qs));
        QVERIFY(QDir().mkpath(dir.filePath(u"data"_qs)));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString shot = dir.filePath(u"x.png"_qs);
        const Run r = run({u"--data-dir"_qs, dir.filePath(u"data"_qs), u"--screenshot"_qs, shot});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(u"Cannot create the exchange directory"_qs), qPrintable(r.err));
        QVERIFY2(!r.err.contains(u"did not answer"_qs), qPrintable(r.err));
        QVERIFY(!QImage(shot).isNull());
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

#include "startupoptions.h"

#include <QFile>
#include <QTemporaryDir>
#include <QCoreApplication>
#include <QTest>

using cloudex::ui::StartupOptions;

class TestStartupOptions : public QObject
{
    Q_OBJECT

private slots:
    void accepts_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("dataDir");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("workspace");
        QTest::newRow("nothing") << QStringList{} << QString() << QString() << QString();
        QTest::newRow("data dir") << QStringList{u"--data-dir"_qs, u"/tmp/x"_qs} << u"/tmp/x"_qs << QString()
                                  << QString();
        QTest::newRow("german") << QStringList{u"--lang"_qs, u"de"_qs} << QString() << u"de"_qs << QString();
        QTest::newRow("language case") << QStringList{u"--lang=DE"_qs} << QString() << u"de"_qs << QString();
        QTest::newRow("workspace") << QStringList{u"--workspace"_qs, u"Sell"_qs} << QString() << QString()
                                   << u"sell"_qs;
    }

    void accepts()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, dataDir);
        QFETCH(QString, language);
        QFETCH(QString, workspace);
        const auto options = StartupOptions::parse(QStringList{u"cloudex"_qs} + args);
        QVERIFY2(options.ok(), qPrintable(options.ok() ? QString() : options.error().message));
        QCOMPARE(options->action, StartupOptions::Action::Run);
        QCOMPARE(options->dataDir, dataDir);
        QCOMPARE(options->language, language);
        QCOMPARE(options->workspace, workspace);
    }

    void rejects_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_qs} << u"cli.invalid"_qs
                                        << u"frobnicate"_qs;
        QTest::newRow("positional") << QStringList{u"extra"_qs} << u"cli.invalid"_qs << u"extra"_qs;
        QTest::newRow("empty data dir") << QStringList{u"--data-dir="_qs} << u"cli.invalid"_qs << u"data-dir"_qs;
        QTest::newRow("unknown language") << QStringList{u"--lang"_qs, u"fr"_qs} << u"cli.invalid"_qs
                                          << u"unknown language \"fr\""_qs;
        QTest::newRow("unknown workspace") << QStringList{u"--workspace"_qs, u"trade"_qs} << u"cli.invalid"_qs
                                           << u"market, buy, buy-strategy, sell"_qs;
        QTest::newRow("screenshot not png") << QStringList{u"--screenshot"_qs, u"/tmp/shot.jpg"_qs}
                                            << u"cli.invalid"_qs << u".png"_qs;
        QTest::newRow("screenshot into missing folder")
            << QStringList{u"--screenshot"_qs, u"/nonexistent/folder/shot.png"_qs} << u"cli.invalid"_qs
            << u"/nonexistent/folder"_qs;
        QTest::newRow("exchange not a url") << QStringList{u"--exchange"_qs, u"exchange:8443"_qs}
                                            << u"cli.invalid"_qs << u"https://"_qs;
        QTest::newRow("exchange plain http") << QStringList{u"--exchange"_qs, u"http://exchange.example"_qs}
                                             << u"cli.invalid"_qs << u"https://"_qs;
        QTest::newRow("exchange without identity")
            << QStringList{u"--exchange"_qs, u"https://exchange.example:8443"_qs} << u"cli.invalid"_qs
            << u"--identity"_qs;
        QTest::newRow("identity without exchange") << QStringList{u"--identity"_qs, QCoreApplication::applicationFilePath()}
                                                   << u"cli.invalid"_qs << u"--exchange"_qs;
        QTest::newRow("identity missing")
            << QStringList{u"--exchange"_qs, u"https://exchange.example:8443"_qs, u"--identity"_qs,
                           u"/nonexistent/me.p12"_qs}
            << u"cli.invalid"_qs << u"does not exist"_qs;
        QTest::newRow("identity is a folder")
            << QStringList{u"--exchange"_qs, u"https://exchange.example:8443"_qs, u"--identity"_qs,
                           u"/tmp"_qs}
            << u"cli.invalid"_qs << u"cannot read"_qs;
        QTest::newRow("passphrase file missing")
            << QStringList{u"--exchange"_qs,        u"https://exchange.example:8443"_qs,
                           u"--identity"_qs,        QCoreApplication::applicationFilePath(),
                           u"--passphrase-file"_qs, u"/nonexistent/pass"_qs}
            << u"cli.invalid"_qs << u"passphrase-file"_qs;
        QTest::newRow("passphrase without identity")
            << QStringList{u"--passphrase-file"_qs, QCoreApplication::applicationFilePath()} << u"cli.invalid"_qs
            << u"--identity"_qs;
        QTest::newRow("demo on a remote exchange")
            << QStringList{u"--exchange"_qs, u"https://exchange.example:8443"_qs, u"--identity"_qs,
                           QCoreApplication::applicationFilePath(), u"--demo-market"_qs}
            << u"cli.invalid"_qs << u"embedded exchange"_qs;
        QTest::newRow("libvirt invalid") << QStringList{u"--libvirt"_qs, u"no scheme"_qs} << u"cli.invalid"_qs
                                         << u"libvirt URI"_qs;
        QTest::newRow("unknown theme") << QStringList{u"--theme"_qs, u"neon"_qs} << u"cli.invalid"_qs << u"neon"_qs;
        QTest::newRow("size not a size") << QStringList{u"--window-size"_qs, u"big"_qs} << u"cli.invalid"_qs
                                         << u"1280x800"_qs;
        QTest::newRow("size too small") << QStringList{u"--window-size"_qs, u"320x200"_qs} << u"cli.invalid"_qs
                                        << u"640x480"_qs;
    }

    void themeAndWindowSize()
    {
        const auto options = StartupOptions::parse(
            {u"cloudex"_qs, u"--theme"_qs, u"Dark"_qs, u"--window-size"_qs, u"1920x1080"_qs});
        QVERIFY2(options.ok(), qPrintable(options.ok() ? QString() : options.error().message));
        QCOMPARE(options->theme, u"dark"_qs);
        QCOMPARE(options->windowSize, QSize(1920, 1080));
        const auto plain = StartupOptions::parse({u"cloudex"_qs});
        QVERIFY(plain->theme.isEmpty());
        QVERIFY(!plain->windowSize.isValid());
    }

    void rejects()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const auto options = StartupOptions::parse(QStringList{u"cloudex"_qs} + args);
        QVERIFY(!options.ok());
        QCOMPARE(options.error().code, code);
        QVERIFY2(options.error().message.contains(message), qPrintable(options.error().message));
    }

    void remoteExchange()
    {
        QTemporaryDir dir;
        QFile pass(dir.filePath(u"pass"_qs));
        QVERIFY(pass.open(QIODevice::WriteOnly));
        pass.write("s3cret\nignored\n");
        pass.close();
        const auto options = StartupOptions::parse(
            {u"cloudex"_qs, u"--exchange"_qs, u"https://exchange.example:8443"_qs, u"--identity"_qs,
             QCoreApplication::applicationFilePath(), u"--passphrase-file"_qs, pass.fileName()});
        QVERIFY2(options.ok(), qPrintable(options.ok() ? QString() : options.error().message));
        QCOMPARE(options->exchangeUrl, QUrl(u"https://exchange.example:8443"_qs));
        QCOMPARE(options->identityFile, QCoreApplication::applicationFilePath());
        QCOMPARE(options->passphrase, QByteArray("s3cret"));
        QVERIFY(!options->demoMarket);
    }

    void passphraseFromEnvironment()
    {
        qputenv(qPrintable(StartupOptions::passphraseVariable()), "from-env");
        const auto options =
            StartupOptions::parse({u"cloudex"_qs, u"--exchange"_qs, u"https://exchange.example:8443"_qs,
                                   u"--identity"_qs, QCoreApplication::applicationFilePath()});
        qunsetenv(qPrintable(StartupOptions::passphraseVariable()));
        QVERIFY(options.ok());
        QCOMPARE(options->passphrase, QByteArray("from-env"));
    }

    void demoMarket()
    {
        const auto options = StartupOptions::parse({u"cloudex"_qs, u"--demo-market"_qs});
        QVERIFY(options.ok());
        QVERIFY(options->demoMarket);
        QVERIFY(options->exchangeUrl.isEmpty());
    }

    void libvirtUri_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::newRow("system") << u"qemu:///system"_qs;
        QTest::newRow("remote") << u"qemu+ssh://rack1.example/system"_qs;
        QTest::newRow("test driver file") << u"test:///var/lib/cloudex/host1.xml"_qs;
    }

    void libvirtUri()
    {
        QFETCH(QString, uri);
        const auto options = StartupOptions::parse({u"cloudex"_qs, u"--libvirt"_qs, uri});
        QVERIFY2(options.ok(), qPrintable(options.ok() ? QString() : options.error().message));
        QCOMPARE(options->libvirtUri, uri);
    }

    void help()
    {
        const auto options = StartupOptions::parse({u"cloudex"_qs, u"--help"_qs});
        QVERIFY(options.ok());
        QCOMPARE(options->action, StartupOptions::Action::ShowHelp);
        for (const char *option : {"--data-dir", "--exchange", "--identity", "--passphrase-file",
                                   "--demo-market", "--libvirt", "--lang", "--screenshot", "--workspace"})
            QVERIFY2(options->helpText.contains(QLatin1String(option)), option);
    }

    void screenshotDetectedBeforeApplication()
    {
        char prog[] = "cloudex";
        char shot[] = "--screenshot";
        char file[] = "x.png";
        char other[] = "--lang";
        char *withShot[] = {prog, other, shot, file};
        char *without[] = {prog, other};
        QVERIFY(StartupOptions::wantsScreenshot(4, withShot));
        QVERIFY(!StartupOptions::wantsScreenshot(2, without));
    }
};

QTEST_GUILESS_MAIN(TestStartupOptions)
#include "tst_startupoptions.moc"

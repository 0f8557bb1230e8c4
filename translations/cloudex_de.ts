<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Api</name>
    <message>
        <source>The API server is already listening on port %1.</source>
        <translation>Der API-Server lauscht bereits auf Port %1.</translation>
    </message>
    <message>
        <source>The API server has no TLS certificate and key.</source>
        <translation>Dem API-Server fehlen TLS-Zertifikat und Schlüssel.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3</source>
        <translation>Lauschen auf %1:%2 nicht möglich: %3</translation>
    </message>
    <message>
        <source>This call needs the permission &quot;%1&quot;.</source>
        <translation>Dieser Aufruf erfordert die Berechtigung „%1“.</translation>
    </message>
    <message>
        <source>No API resource at %1.</source>
        <translation>Unter %1 gibt es keine API-Ressource.</translation>
    </message>
    <message>
        <source>The request headers exceed %1 bytes.</source>
        <translation>Die Kopfzeilen der Anfrage überschreiten %1 Bytes.</translation>
    </message>
    <message>
        <source>The Content-Length header is not a number.</source>
        <translation>Die Kopfzeile Content-Length ist keine Zahl.</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>The body is not valid JSON: %1 at offset %2.</source>
        <translation>Der Inhalt ist kein gültiges JSON: %1 an Position %2.</translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation>Der Inhalt muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;.</source>
        <translation>Unbekanntes Feld „%1“.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is required.</source>
        <translation>Das Feld „%1“ ist erforderlich.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be %2.</source>
        <translation>Das Feld „%1“ muss %2 sein.</translation>
    </message>
    <message>
        <source>The connection did not present a client certificate.</source>
        <translation>Die Verbindung hat kein Client-Zertifikat vorgelegt.</translation>
    </message>
    <message>
        <source>The client certificate names no participant (O) or no name (CN).</source>
        <translation>Das Client-Zertifikat nennt keinen Teilnehmer (O) oder keinen Namen (CN).</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Fehlerhafte Anfrage</translation>
    </message>
    <message>
        <source>Not authenticated</source>
        <translation>Nicht authentifiziert</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>Nicht erlaubt</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Methode nicht erlaubt</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Request body too large</source>
        <translation>Anfrage zu groß</translation>
    </message>
    <message>
        <source>Unsupported media type</source>
        <translation>Nicht unterstützter Medientyp</translation>
    </message>
    <message>
        <source>Request rejected</source>
        <translation>Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>Zu viele Anfragen</translation>
    </message>
    <message>
        <source>Service unavailable</source>
        <translation>Dienst nicht verfügbar</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <source>This resource does not support %1.</source>
        <translation>Diese Ressource unterstützt %1 nicht.</translation>
    </message>
    <message>
        <source>The request body exceeds the limit of %1 bytes.</source>
        <translation>Der Inhalt der Anfrage überschreitet die Grenze von %1 Bytes.</translation>
    </message>
    <message>
        <source>Too many requests; retry in %1 ms.</source>
        <translation>Zu viele Anfragen; erneut versuchen in %1 ms.</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot read the identity file %1: %2</source>
        <translation>Die Identitätsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a PKCS#12 identity, or the passphrase is wrong.</source>
        <translation>%1 ist keine PKCS#12-Identität, oder die Passphrase ist falsch.</translation>
    </message>
    <message>
        <source>Unknown operation &quot;%1&quot;; use subscribe, unsubscribe or resync.</source>
        <translation>Unbekannte Operation „%1“; möglich sind subscribe, unsubscribe und resync.</translation>
    </message>
    <message>
        <source>There is no channel &quot;%1&quot;.</source>
        <translation>Es gibt keinen Kanal „%1“.</translation>
    </message>
    <message>
        <source>The channel &quot;%1&quot; belongs to another participant.</source>
        <translation>Der Kanal „%1“ gehört einem anderen Teilnehmer.</translation>
    </message>
    <message>
        <source>Subscribe to &quot;%1&quot; before asking for a resync.</source>
        <translation>Vor einer Neusynchronisation muss „%1“ abonniert sein.</translation>
    </message>
    <message>
        <source>A connection may follow at most %1 channels.</source>
        <translation>Eine Verbindung kann höchstens %1 Kanälen folgen.</translation>
    </message>
    <message>
        <source>%1 carries no CA certificate to trust the exchange with.</source>
        <translation>%1 enthält kein CA-Zertifikat, mit dem der Börse vertraut werden kann.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be between %2 and %3.</source>
        <translation>Das Feld „%1“ muss zwischen %2 und %3 liegen.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be an array of strings.</source>
        <translation>Das Feld „%1“ muss ein Array von Zeichenketten sein.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be one of %2.</source>
        <translation>Das Feld „%1“ muss einer dieser Werte sein: %2.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; appears more than once.</source>
        <translation>Das Feld „%1“ kommt mehr als einmal vor.</translation>
    </message>
    <message>
        <source>The body is not valid JSON at offset %1.</source>
        <translation>Der Inhalt ist an Position %1 kein gültiges JSON.</translation>
    </message>
    <message>
        <source>The body nests deeper than %1 levels.</source>
        <translation>Der Inhalt ist tiefer als %1 Ebenen verschachtelt.</translation>
    </message>
    <message>
        <source>A request body must be sent as Content-Type: application/json.</source>
        <translation>Ein Anfrageinhalt muss als Content-Type: application/json gesendet werden.</translation>
    </message>
    <message>
        <source>The request head contains a NUL byte.</source>
        <translation>Der Anfragekopf enthält ein NUL-Byte.</translation>
    </message>
    <message>
        <source>The request line is not &quot;METHOD /path HTTP/1.1&quot;.</source>
        <translation>Die Anfragezeile hat nicht die Form &quot;METHODE /pfad HTTP/1.1&quot;.</translation>
    </message>
    <message>
        <source>The request target contains a control character or a space.</source>
        <translation>Das Anfrageziel enthält ein Steuerzeichen oder ein Leerzeichen.</translation>
    </message>
    <message>
        <source>Only versions 1.0 and 1.1 of HTTP are served here, not %1.</source>
        <translation>Hier werden nur die HTTP-Versionen 1.0 und 1.1 bedient, nicht %1.</translation>
    </message>
    <message>
        <source>Folded header lines are not accepted.</source>
        <translation>Gefaltete Kopfzeilen werden nicht angenommen.</translation>
    </message>
    <message>
        <source>A header line is not &quot;Name: value&quot;.</source>
        <translation>Eine Kopfzeile hat nicht die Form &quot;Name: Wert&quot;.</translation>
    </message>
    <message>
        <source>A request has at most %1 header lines.</source>
        <translation>Eine Anfrage hat höchstens %1 Kopfzeilen.</translation>
    </message>
    <message>
        <source>A header value contains a control character.</source>
        <translation>Ein Kopfzeilenwert enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>The request has two different Content-Length headers.</source>
        <translation>Die Anfrage hat zwei verschiedene Content-Length-Kopfzeilen.</translation>
    </message>
    <message>
        <source>Chunked or encoded request bodies are not accepted; send a Content-Length.</source>
        <translation>Gestückelte oder kodierte Anfrageinhalte werden nicht angenommen; senden Sie eine Content-Length.</translation>
    </message>
    <message>
        <source>Length required</source>
        <translation>Länge erforderlich</translation>
    </message>
    <message>
        <source>Request headers too large</source>
        <translation>Anfragekopf zu groß</translation>
    </message>
    <message>
        <source>HTTP version not supported</source>
        <translation>HTTP-Version nicht unterstützt</translation>
    </message>
    <message>
        <source>No frame and no answer to pings for %1 ms.</source>
        <translation>Seit %1 ms kein Frame und keine Antwort auf Pings.</translation>
    </message>
    <message>
        <source>Server refused</source>
        <translation>Server abgelehnt</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The channel &quot;%1&quot; needs the permission &quot;%2&quot;.</source>
        <translation>Der Kanal „%1“ erfordert die Berechtigung „%2“.</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>Invalid symbol &quot;%1&quot;: %2</source>
        <translation>Ungültiges Symbol „%1“: %2</translation>
    </message>
    <message>
        <source>expected REGION.CLASS.TENANCY.SLA, for example DE.GP2.SH.S1</source>
        <translation>erwartet wird REGION.KLASSE.MANDANTENTRENNUNG.SLA, zum Beispiel DE.GP2.SH.S1</translation>
    </message>
    <message>
        <source>unknown region %1</source>
        <translation>unbekannte Region %1</translation>
    </message>
    <message>
        <source>unknown instance class %1</source>
        <translation>unbekannte Instanzklasse %1</translation>
    </message>
    <message>
        <source>unknown tenancy %1 (SH, GS or EX)</source>
        <translation>unbekannte Mandantentrennung %1 (SH, GS oder EX)</translation>
    </message>
    <message>
        <source>unknown SLA class %1 (S1, S2 or S3)</source>
        <translation>unbekannte SLA-Klasse %1 (S1, S2 oder S3)</translation>
    </message>
    <message>
        <source>expected PRODUCT.PERIOD, for example DE.GP2.SH.S1.H2026-12-01T14</source>
        <translation>erwartet wird PRODUKT.ZEITRAUM, zum Beispiel DE.GP2.SH.S1.H2026-12-01T14</translation>
    </message>
    <message>
        <source>Invalid delivery period &quot;%1&quot;: %2</source>
        <translation>Ungültiger Lieferzeitraum „%1“: %2</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quartal</translation>
    </message>
    <message>
        <source>no such date</source>
        <translation>dieses Datum gibt es nicht</translation>
    </message>
    <message>
        <source>the hour must be 00 to 23</source>
        <translation>die Stunde muss zwischen 00 und 23 liegen</translation>
    </message>
    <message>
        <source>no such ISO week</source>
        <translation>diese ISO-Woche gibt es nicht</translation>
    </message>
    <message>
        <source>no such month</source>
        <translation>diesen Monat gibt es nicht</translation>
    </message>
    <message>
        <source>expected H2026-12-01T14, D2026-12-01, W2026-W49, M2026-12 or Q2026-Q4</source>
        <translation>erwartet wird H2026-12-01T14, D2026-12-01, W2026-W49, M2026-12 oder Q2026-Q4</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <source>Group-shared</source>
        <translation>Gruppengeteilt</translation>
    </message>
    <message>
        <source>Exclusive</source>
        <translation>Exklusiv</translation>
    </message>
    <message>
        <source>next business day</source>
        <translation>nächster Werktag</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 vCPU · %2 GiB · %3 GiB disk</source>
        <translation>%1 vCPU · %2 GiB · %3 GiB Festplatte</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Deutschland</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Frankreich</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>Niederlande</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>Irland</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>Schweiz</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Vereinigte Staaten</translation>
    </message>
    <message>
        <source>European Union</source>
        <translation>Europäische Union</translation>
    </message>
    <message>
        <source>%1 (%2), %3, %4, SLA %5</source>
        <translation>%1 (%2), %3, %4, SLA %5</translation>
    </message>
</context>
<context>
    <name>Chargeback</name>
    <message>
        <source>The rate must be from 0 to %1 ticks per instance-hour.</source>
        <translation>Der Satz muss zwischen 0 und %1 Ticks je Instanzstunde liegen.</translation>
    </message>
    <message>
        <source>The markup must be from −10,000 to 100,000 basis points.</source>
        <translation>Der Aufschlag muss zwischen −10.000 und 100.000 Basispunkten liegen.</translation>
    </message>
    <message>
        <source>The floor must be from 0 to %1 ticks per instance-hour.</source>
        <translation>Die Untergrenze muss zwischen 0 und %1 Ticks je Instanzstunde liegen.</translation>
    </message>
    <message>
        <source>The cap must be from 0 to %1 ticks per instance-hour.</source>
        <translation>Die Obergrenze muss zwischen 0 und %1 Ticks je Instanzstunde liegen.</translation>
    </message>
    <message>
        <source>The cap must not be below the floor.</source>
        <translation>Die Obergrenze darf nicht unter der Untergrenze liegen.</translation>
    </message>
    <message>
        <source>Only a fixed plan has a rate.</source>
        <translation>Nur ein Festpreisplan hat einen Satz.</translation>
    </message>
    <message>
        <source>A fixed plan has no markup.</source>
        <translation>Ein Festpreisplan hat keinen Aufschlag.</translation>
    </message>
    <message>
        <source>Only a spot-linked plan has a floor and a cap.</source>
        <translation>Nur ein spotgebundener Plan hat Unter- und Obergrenze.</translation>
    </message>
    <message>
        <source>fixed %1 EUR/h</source>
        <translation>fest %1 EUR/h</translation>
    </message>
    <message>
        <source>cost-plus %1</source>
        <translation>Kosten plus %1</translation>
    </message>
    <message>
        <source>spot %1</source>
        <translation>Spot %1</translation>
    </message>
    <message>
        <source>floor %1</source>
        <translation>Untergrenze %1</translation>
    </message>
    <message>
        <source>cap %1</source>
        <translation>Obergrenze %1</translation>
    </message>
    <message>
        <source>A customer id is 1 to 40 of a-z, 0-9 and -, starting with a letter or digit.</source>
        <translation>Eine Kunden-ID besteht aus 1 bis 40 Zeichen a-z, 0-9 und -, beginnend mit Buchstabe oder Ziffer.</translation>
    </message>
    <message>
        <source>A customer name is 1 to 100 characters without control characters.</source>
        <translation>Ein Kundenname hat 1 bis 100 Zeichen ohne Steuerzeichen.</translation>
    </message>
    <message>
        <source>A month is written YYYY-MM, for example 2026-03.</source>
        <translation>Ein Monat wird JJJJ-MM geschrieben, zum Beispiel 2026-03.</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>A quoted field is not closed.</source>
        <translation>Ein Feld in Anführungszeichen ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>the header is not %1.</source>
        <translation>die Kopfzeile ist nicht %1.</translation>
    </message>
    <message>
        <source>%1 fields, not %2.</source>
        <translation>%1 Felder statt %2.</translation>
    </message>
    <message>
        <source>a new statement starts before the total of %1.</source>
        <translation>eine neue Abrechnung beginnt vor der Summe von %1.</translation>
    </message>
    <message>
        <source>the amounts are not whole numbers of ticks.</source>
        <translation>die Beträge sind keine ganzen Ticks.</translation>
    </message>
    <message>
        <source>the margin is not amount − cost.</source>
        <translation>die Marge ist nicht Betrag − Kosten.</translation>
    </message>
    <message>
        <source>the hours do not match the instance-seconds.</source>
        <translation>die Stunden passen nicht zu den Instanzsekunden.</translation>
    </message>
    <message>
        <source>the rate and price are not whole numbers of ticks.</source>
        <translation>Satz und Preis sind keine ganzen Ticks.</translation>
    </message>
    <message>
        <source>the total is not the sum of the lines.</source>
        <translation>die Summe ist nicht die Summe der Zeilen.</translation>
    </message>
    <message>
        <source>the kind is neither line nor total.</source>
        <translation>die Art ist weder line noch total.</translation>
    </message>
    <message>
        <source>the statement of %1 has no total.</source>
        <translation>die Abrechnung von %1 hat keine Summe.</translation>
    </message>
    <message>
        <source>The chargeback records cannot be used (%1): %2</source>
        <translation>Die Verrechnungsdaten sind nicht nutzbar (%1): %2</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The chargeback records cannot be written: %1</source>
        <translation>Die Verrechnungsdaten können nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>There is no customer %1.</source>
        <translation>Es gibt keinen Kunden %1.</translation>
    </message>
    <message numerus="yes">
        <source>Customer %1 is assigned %n contract(s) or VM(s); assign them elsewhere first.</source>
        <translation>
            <numerusform>Kunde %1 ist %n Vertrag oder VM zugeordnet; ordnen Sie diese zuerst anders zu.</numerusform>
            <numerusform>Kunde %1 sind %n Verträge oder VMs zugeordnet; ordnen Sie diese zuerst anders zu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Name a contract.</source>
        <translation>Nennen Sie einen Vertrag.</translation>
    </message>
    <message>
        <source>Name a contract and a VM.</source>
        <translation>Nennen Sie einen Vertrag und eine VM.</translation>
    </message>
    <message>
        <source>The usage cannot be written: %1</source>
        <translation>Die Nutzung kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>A usage hour starts on the full hour and has 0 to 3,600 instance-seconds; %1 of %2 at %3 has %4.</source>
        <translation>Eine Nutzungsstunde beginnt zur vollen Stunde und hat 0 bis 3.600 Instanzsekunden; %1 von %2 um %3 hat %4.</translation>
    </message>
</context>
<context>
    <name>Connect</name>
    <message>
        <source>The site&apos;s records cannot be written (%1): %2</source>
        <translation>Die Aufzeichnungen des Standorts können nicht geschrieben werden (%1): %2</translation>
    </message>
    <message>
        <source>Cannot open the site&apos;s records %1: %2</source>
        <translation>Die Aufzeichnungen des Standorts %1 können nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The site&apos;s records cannot be read: %1</source>
        <translation>Die Aufzeichnungen des Standorts können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The site&apos;s records cannot be written: %1</source>
        <translation>Die Aufzeichnungen des Standorts können nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tenant id: use up to 32 lower-case letters, digits, - and _.</source>
        <translation>„%1“ ist keine Mandanten-ID: bis zu 32 Kleinbuchstaben, Ziffern, - und _ verwenden.</translation>
    </message>
    <message>
        <source>Tenant %1 still owns VM %2.</source>
        <translation>Mandant %1 besitzt noch die VM %2.</translation>
    </message>
    <message>
        <source>Tenant %1 is named by host group %2.</source>
        <translation>Mandant %1 ist in der Hostgruppe %2 eingetragen.</translation>
    </message>
    <message>
        <source>There is no tenant %1.</source>
        <translation>Es gibt keinen Mandanten %1.</translation>
    </message>
    <message>
        <source>Reserved instances cannot be negative.</source>
        <translation>Reservierte Instanzen können nicht negativ sein.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot connect to %1</source>
        <translation>Keine Verbindung zu %1</translation>
    </message>
    <message>
        <source>Cannot enable keepalive on %1</source>
        <translation>Keepalive auf %1 kann nicht aktiviert werden</translation>
    </message>
    <message>
        <source>Cannot subscribe to events of %1</source>
        <translation>Ereignisse von %1 können nicht abonniert werden</translation>
    </message>
    <message>
        <source>Unknown host %1.</source>
        <translation>Unbekannter Host %1.</translation>
    </message>
    <message>
        <source>Host %1 is not connected: %2</source>
        <translation>Host %1 ist nicht verbunden: %2</translation>
    </message>
    <message>
        <source>Cannot list the VMs of %1</source>
        <translation>Die VMs von %1 können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Cannot list the templates of %1</source>
        <translation>Die Vorlagen von %1 können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Cannot list the storage pools of %1</source>
        <translation>Die Speicherpools von %1 können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Cloning template %1</source>
        <translation>Vorlage %1 wird geklont</translation>
    </message>
    <message>
        <source>No template pool %1 on %2</source>
        <translation>Kein Vorlagenpool %1 auf %2</translation>
    </message>
    <message>
        <source>No template %1 on %2</source>
        <translation>Keine Vorlage %1 auf %2</translation>
    </message>
    <message>
        <source>No VM pool %1 on %2</source>
        <translation>Kein VM-Pool %1 auf %2</translation>
    </message>
    <message>
        <source>Cannot read template %1</source>
        <translation>Vorlage %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot clone template %1 for %2</source>
        <translation>Vorlage %1 kann für %2 nicht geklont werden</translation>
    </message>
    <message>
        <source>Defining %1 on %2</source>
        <translation>%1 wird auf %2 definiert</translation>
    </message>
    <message>
        <source>Cannot define %1</source>
        <translation>%1 kann nicht definiert werden</translation>
    </message>
    <message>
        <source>Starting %1</source>
        <translation>%1 wird gestartet</translation>
    </message>
    <message>
        <source>Cannot start %1</source>
        <translation>%1 kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Cannot find %1 on %2</source>
        <translation>%1 wurde auf %2 nicht gefunden</translation>
    </message>
    <message>
        <source>Cannot stop %1</source>
        <translation>%1 kann nicht gestoppt werden</translation>
    </message>
    <message>
        <source>Cannot reboot %1</source>
        <translation>%1 kann nicht neu gestartet werden</translation>
    </message>
    <message>
        <source>Cannot delete %1</source>
        <translation>%1 kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Stop %1 before cloning it.</source>
        <translation>%1 vor dem Klonen stoppen.</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the disk of %1</source>
        <translation>Die Festplatte von %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot copy the disk of %1</source>
        <translation>Die Festplatte von %1 kann nicht kopiert werden</translation>
    </message>
    <message>
        <source>Cannot read the definition of %1</source>
        <translation>Die Definition von %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot define the VM on %1</source>
        <translation>Die VM kann auf %1 nicht definiert werden</translation>
    </message>
    <message>
        <source>Cannot undefine %1 on %2</source>
        <translation>Die Definition von %1 auf %2 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot read the state of %1</source>
        <translation>Der Zustand von %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot create the disk of %1 on %2</source>
        <translation>Die Festplatte von %1 kann auf %2 nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot delete the disk of %1</source>
        <translation>Die Festplatte von %1 kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Cannot migrate %1 from %2 to %3</source>
        <translation>%1 kann nicht von %2 nach %3 migriert werden</translation>
    </message>
    <message>
        <source>%1 already runs on %2.</source>
        <translation>%1 läuft bereits auf %2.</translation>
    </message>
    <message>
        <source>Only libvirt hosts can exchange VMs; %1 or %2 is a workflow.</source>
        <translation>Nur libvirt-Hosts können VMs austauschen; %1 oder %2 ist ein Workflow.</translation>
    </message>
    <message>
        <source>Migrating %1 live from %2 to %3</source>
        <translation>%1 wird live von %2 nach %3 migriert</translation>
    </message>
    <message>
        <source>Stopping %1 on %2</source>
        <translation>%1 wird auf %2 gestoppt</translation>
    </message>
    <message>
        <source>Creating the disk of %1 on %2</source>
        <translation>Die Festplatte von %1 wird auf %2 angelegt</translation>
    </message>
    <message>
        <source>Removing %1 from %2</source>
        <translation>%1 wird von %2 entfernt</translation>
    </message>
    <message>
        <source>Starting %1 on %2</source>
        <translation>%1 wird auf %2 gestartet</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write the host file %1.</source>
        <translation>Die Hostdatei %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>This hypervisor front cannot move %1 between hosts.</source>
        <translation>Dieser Hypervisor-Zugang kann %1 nicht zwischen Hosts verschieben.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>A VM needs an owner tenant.</source>
        <translation>Eine VM braucht einen Mandanten als Eigentümer.</translation>
    </message>
    <message>
        <source>A VM needs at least one vCPU and some memory.</source>
        <translation>Eine VM braucht mindestens eine vCPU und etwas Speicher.</translation>
    </message>
    <message>
        <source>There is no host %1.</source>
        <translation>Es gibt keinen Host %1.</translation>
    </message>
    <message>
        <source>Host %1 is not open to %2 placement for tenant %3.</source>
        <translation>Host %1 steht %2 Platzierung für Mandant %3 nicht offen.</translation>
    </message>
    <message>
        <source>The site has no shared hosts.</source>
        <translation>Der Standort hat keine gemeinsam genutzten Hosts.</translation>
    </message>
    <message>
        <source>No group-shared host group serves tenant %1.</source>
        <translation>Keine gruppengeteilte Hostgruppe bedient Mandant %1.</translation>
    </message>
    <message>
        <source>No hosts are dedicated to tenant %1.</source>
        <translation>Mandant %1 hat keine dedizierten Hosts.</translation>
    </message>
    <message>
        <source>Every host that may take this VM is offline.</source>
        <translation>Alle Hosts, die diese VM aufnehmen dürften, sind offline.</translation>
    </message>
    <message>
        <source>No allowed host has %1 vCPU and %2 MiB free; the roomiest, %3, has %4 vCPU and %5 MiB.</source>
        <translation>Kein zulässiger Host hat %1 vCPU und %2 MiB frei; der geräumigste, %3, hat %4 vCPU und %5 MiB.</translation>
    </message>
    <message>
        <source>A host group needs a name.</source>
        <translation>Eine Hostgruppe braucht einen Namen.</translation>
    </message>
    <message>
        <source>There are two host groups named %1.</source>
        <translation>Es gibt zwei Hostgruppen namens %1.</translation>
    </message>
    <message>
        <source>Host %1 is in more than one host group.</source>
        <translation>Host %1 gehört zu mehr als einer Hostgruppe.</translation>
    </message>
    <message>
        <source>The exclusive host group %1 must name exactly one tenant.</source>
        <translation>Die exklusive Hostgruppe %1 muss genau einen Mandanten nennen.</translation>
    </message>
    <message>
        <source>The group-shared host group %1 must name its tenants.</source>
        <translation>Die gruppengeteilte Hostgruppe %1 muss ihre Mandanten nennen.</translation>
    </message>
    <message>
        <source>Invalid site configuration: %1</source>
        <translation>Ungültige Standortkonfiguration: %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>a workflow connection needs a command</source>
        <translation>eine Workflow-Verbindung braucht einen Befehl</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a libvirt URI</source>
        <translation>„%1“ ist keine libvirt-URI</translation>
    </message>
    <message>
        <source>host group %1 needs a tenancy SH, GS or EX</source>
        <translation>Hostgruppe %1 braucht eine Mandantentrennung SH, GS oder EX</translation>
    </message>
    <message>
        <source>There is no VM %1.</source>
        <translation>Es gibt keine VM %1.</translation>
    </message>
    <message>
        <source>Tenant %1 already runs its %2 VMs.</source>
        <translation>Mandant %1 betreibt bereits seine %2 VMs.</translation>
    </message>
    <message>
        <source>The workflow has no command.</source>
        <translation>Der Workflow hat keinen Befehl.</translation>
    </message>
    <message>
        <source>Cannot run the workflow %1: %2</source>
        <translation>Der Workflow %1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>The workflow did not answer &quot;%1&quot; within %2 s.</source>
        <translation>Der Workflow hat „%1“ nicht innerhalb von %2 s beantwortet.</translation>
    </message>
    <message>
        <source>The workflow answered &quot;%1&quot; with no JSON object (exit code %2): %3</source>
        <translation>Der Workflow hat „%1“ ohne JSON-Objekt beantwortet (Exit-Code %2): %3</translation>
    </message>
    <message>
        <source>The workflow failed &quot;%1&quot;: %2</source>
        <translation>Der Workflow ist bei „%1“ gescheitert: %2</translation>
    </message>
    <message>
        <source>Running the provisioning workflow for %1</source>
        <translation>Der Bereitstellungs-Workflow für %1 läuft</translation>
    </message>
    <message>
        <source>Cannot initialise libvirt</source>
        <translation>libvirt kann nicht initialisiert werden</translation>
    </message>
    <message>
        <source>Cannot shut down %1</source>
        <translation>%1 kann nicht heruntergefahren werden</translation>
    </message>
    <message>
        <source>A contract needs an id and a buyer.</source>
        <translation>Ein Vertrag braucht eine ID und einen Käufer.</translation>
    </message>
    <message>
        <source>Contract %1 names the unknown product %2.</source>
        <translation>Vertrag %1 nennt das unbekannte Produkt %2.</translation>
    </message>
    <message>
        <source>no group-shared host group serves %1 and there is no default group</source>
        <translation>keine gruppengeteilte Hostgruppe bedient %1, und es gibt keine Standardgruppe</translation>
    </message>
    <message>
        <source>it needs %1 vCPU and %2 MiB, the %3 pool has %4 vCPU and %5 MiB free for its window</source>
        <translation>er braucht %1 vCPU und %2 MiB, der Pool %3 hat in seinem Zeitfenster %4 vCPU und %5 MiB frei</translation>
    </message>
    <message>
        <source>No client certificate.</source>
        <translation>Kein Client-Zertifikat.</translation>
    </message>
    <message>
        <source>The site&apos;s revocation list is out of date; try again later.</source>
        <translation>Die Sperrliste des Standorts ist veraltet; bitte später erneut versuchen.</translation>
    </message>
    <message>
        <source>This certificate has been revoked.</source>
        <translation>Dieses Zertifikat wurde widerrufen.</translation>
    </message>
    <message>
        <source>This site holds no such contract (%1).</source>
        <translation>Dieser Standort hält keinen solchen Vertrag (%1).</translation>
    </message>
    <message>
        <source>The contract was terminated.</source>
        <translation>Der Vertrag wurde beendet.</translation>
    </message>
    <message>
        <source>This is not a contract certificate.</source>
        <translation>Dies ist kein Vertragszertifikat.</translation>
    </message>
    <message>
        <source>This site holds no such contract.</source>
        <translation>Dieser Standort hält keinen solchen Vertrag.</translation>
    </message>
    <message>
        <source>This is not a contract certificate of the exchange (%1).</source>
        <translation>Dies ist kein Vertragszertifikat der Börse (%1).</translation>
    </message>
    <message>
        <source>The contract&apos;s window has not opened yet.</source>
        <translation>Das Lieferfenster des Vertrags hat noch nicht begonnen.</translation>
    </message>
    <message>
        <source>The contract&apos;s window has closed.</source>
        <translation>Das Lieferfenster des Vertrags ist geschlossen.</translation>
    </message>
    <message>
        <source>The contract ended and its retention is over.</source>
        <translation>Der Vertrag ist beendet und seine Aufbewahrungsfrist abgelaufen.</translation>
    </message>
    <message>
        <source>since must be a sequence number.</source>
        <translation>since muss eine Sequenznummer sein.</translation>
    </message>
    <message>
        <source>wait must be 0 to %1 seconds.</source>
        <translation>wait muss 0 bis %1 Sekunden betragen.</translation>
    </message>
    <message>
        <source>There is no such VM.</source>
        <translation>Diese VM gibt es nicht.</translation>
    </message>
    <message>
        <source>A VM name is 1 to 32 lower-case letters, digits and &apos;-&apos;, starting with a letter or digit.</source>
        <translation>Ein VM-Name besteht aus 1 bis 32 Kleinbuchstaben, Ziffern und &apos;-&apos; und beginnt mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>There is a VM %1 already.</source>
        <translation>Es gibt bereits eine VM %1.</translation>
    </message>
    <message>
        <source>The contract&apos;s volume of %1 VMs is in use; delete one first.</source>
        <translation>Das Volumen des Vertrags von %1 VMs ist ausgeschöpft; zuerst eine löschen.</translation>
    </message>
    <message>
        <source>The site offers no template %1.</source>
        <translation>Der Standort bietet keine Vorlage %1 an.</translation>
    </message>
    <message>
        <source>%1 is busy with another job.</source>
        <translation>%1 ist mit einem anderen Auftrag beschäftigt.</translation>
    </message>
    <message>
        <source>There is no such job.</source>
        <translation>Diesen Auftrag gibt es nicht.</translation>
    </message>
    <message>
        <source>This job cannot be cancelled (any more).</source>
        <translation>Dieser Auftrag kann (nicht mehr) abgebrochen werden.</translation>
    </message>
    <message>
        <source>ACPI shutdown of %1 VM(s); destroyed after the grace period</source>
        <translation>ACPI-Herunterfahren von %1 VM(s); nach der Kulanzfrist zerstört</translation>
    </message>
    <message>
        <source>%1 VM(s) destroyed after the grace period; disks kept for the retention</source>
        <translation>%1 VM(s) nach der Kulanzfrist zerstört; Festplatten bis zum Ende der Aufbewahrung behalten</translation>
    </message>
    <message>
        <source>%1 VM(s) and their disks deleted after the retention</source>
        <translation>%1 VM(s) und ihre Festplatten nach der Aufbewahrung gelöscht</translation>
    </message>
    <message>
        <source>The passphrase file %1 is empty.</source>
        <translation>Die Passphrasendatei %1 ist leer.</translation>
    </message>
    <message>
        <source>an exchange needs &quot;siteId&quot; and &quot;identity&quot;</source>
        <translation>eine Börse braucht &quot;siteId&quot; und &quot;identity&quot;</translation>
    </message>
    <message>
        <source>the exchange URL must be https</source>
        <translation>die Börsen-URL muss https sein</translation>
    </message>
    <message>
        <source>graceSeconds, retentionSeconds and crlToleranceSeconds are whole seconds &gt;= 0</source>
        <translation>graceSeconds, retentionSeconds und crlToleranceSeconds sind ganze Sekunden &gt;= 0</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a catalogue product</source>
        <translation>&quot;%1&quot; ist kein Katalogprodukt</translation>
    </message>
    <message>
        <source>The connect agent is not running.</source>
        <translation>Der Connect-Agent läuft nicht.</translation>
    </message>
    <message>
        <source>The connect agent stopped.</source>
        <translation>Der Connect-Agent wurde beendet.</translation>
    </message>
    <message>
        <source>Saving tenant %1</source>
        <translation>Mandant %1 wird gespeichert</translation>
    </message>
    <message>
        <source>Removing tenant %1</source>
        <translation>Mandant %1 wird entfernt</translation>
    </message>
    <message>
        <source>Saving host group %1</source>
        <translation>Hostgruppe %1 wird gespeichert</translation>
    </message>
    <message>
        <source>Removing host group %1</source>
        <translation>Hostgruppe %1 wird entfernt</translation>
    </message>
    <message>
        <source>Saving the offer %1</source>
        <translation>Angebot %1 wird gespeichert</translation>
    </message>
    <message>
        <source>%1 is not a run of periods such as H12 (the next twelve hours) or D7.</source>
        <translation>%1 ist keine Folge von Perioden wie H12 (die nächsten zwölf Stunden) oder D7.</translation>
    </message>
    <message>
        <source>repriceSeconds must be &gt;= 0 and intervalMs &gt;= 100</source>
        <translation>repriceSeconds muss &gt;= 0 und intervalMs &gt;= 100 sein</translation>
    </message>
    <message>
        <source>a trading identity needs an exchange</source>
        <translation>eine Handelsidentität braucht eine Börse</translation>
    </message>
    <message>
        <source>an offer needs a catalogue &quot;product&quot; and a &quot;cap&quot; above zero</source>
        <translation>ein Angebot braucht ein &quot;product&quot; aus dem Katalog und ein &quot;cap&quot; über null</translation>
    </message>
    <message>
        <source>no exclusive host group is dedicated to %1 and the shared pool has no whole hosts free for %2 vCPU and %3 MiB (%4 free hosts with %5 vCPU and %6 MiB)</source>
        <translation>keine exklusive Hostgruppe ist %1 zugeordnet und der gemeinsame Pool hat keine ganzen Hosts frei für %2 vCPU und %3 MiB (%4 freie Hosts mit %5 vCPU und %6 MiB)</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>The data directory path is empty.</source>
        <translation>Der Pfad des Datenverzeichnisses ist leer.</translation>
    </message>
    <message>
        <source>The data directory %1 exists but is not a directory.</source>
        <translation>Das Datenverzeichnis %1 existiert, ist aber kein Verzeichnis.</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1.</source>
        <translation>Das Datenverzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The data directory %1 is not writable.</source>
        <translation>In das Datenverzeichnis %1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>The certificate in %1 names no participant (subject O).</source>
        <translation>Das Zertifikat in %1 nennt keinen Teilnehmer (Subject O).</translation>
    </message>
    <message>
        <source>The exchange sent an answer this desk cannot read (%1).</source>
        <translation>Die Börse hat eine Antwort gesendet, die dieser Handelsplatz nicht lesen kann (%1).</translation>
    </message>
    <message>
        <source>The price must be above zero.</source>
        <translation>Der Preis muss über null liegen.</translation>
    </message>
    <message>
        <source>The price must lie within the instrument&apos;s band, %1 to %2 EUR.</source>
        <translation>Der Preis muss im Preisband des Instruments liegen, %1 bis %2 EUR.</translation>
    </message>
    <message>
        <source>A market order executes at once: choose immediate or cancel, or fill or kill.</source>
        <translation>Ein Marktauftrag wird sofort ausgeführt: wählen Sie „Sofort oder löschen“ oder „Ganz oder gar nicht“.</translation>
    </message>
    <message>
        <source>The quantity must be above zero.</source>
        <translation>Die Menge muss über null liegen.</translation>
    </message>
    <message>
        <source>The quantity must be a multiple of the lot size, %1.</source>
        <translation>Die Menge muss ein Vielfaches der Losgröße %1 sein.</translation>
    </message>
    <message>
        <source>The expiry must lie in the future.</source>
        <translation>Der Ablauf muss in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>The certificate for %1 in the wallet is not usable (%2); a new one is requested.</source>
        <translation>Das Zertifikat für %1 in der Zertifikatsablage ist nicht verwendbar (%2); ein neues wird angefordert.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot create the wallet %1.</source>
        <translation>Die Zertifikatsablage %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Contract %1 has ended; no certificate is issued for it.</source>
        <translation>Vertrag %1 ist beendet; dafür wird kein Zertifikat ausgestellt.</translation>
    </message>
    <message>
        <source>the key file is missing</source>
        <translation>die Schlüsseldatei fehlt</translation>
    </message>
    <message>
        <source>the certificate file holds no single certificate</source>
        <translation>die Zertifikatsdatei enthält nicht genau ein Zertifikat</translation>
    </message>
    <message>
        <source>the key cannot be read: %1</source>
        <translation>der Schlüssel kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the key does not belong to the certificate</source>
        <translation>der Schlüssel gehört nicht zum Zertifikat</translation>
    </message>
    <message>
        <source>The exchange sent no certificate for %1.</source>
        <translation>Die Börse hat kein Zertifikat für %1 geschickt.</translation>
    </message>
    <message>
        <source>The wallet knows no contract %1.</source>
        <translation>Die Zertifikatsablage kennt keinen Vertrag %1.</translation>
    </message>
    <message>
        <source>The certificate for %1 has been revoked.</source>
        <translation>Das Zertifikat für %1 wurde widerrufen.</translation>
    </message>
    <message>
        <source>The certificate for %1 has expired.</source>
        <translation>Das Zertifikat für %1 ist abgelaufen.</translation>
    </message>
    <message>
        <source>The certificate for %1 is not there yet.</source>
        <translation>Das Zertifikat für %1 liegt noch nicht vor.</translation>
    </message>
    <message>
        <source>&quot;certificate&quot; is not one PEM certificate.</source>
        <translation>&quot;certificate&quot; ist nicht genau ein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>&quot;crl&quot; is not base64 DER.</source>
        <translation>&quot;crl&quot; ist kein Base64-DER.</translation>
    </message>
    <message>
        <source>%1 failed at the site.</source>
        <translation>%1 ist am Standort fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The server is not site %1 of this exchange: %2</source>
        <translation>Der Server ist nicht der Standort %1 dieser Börse: %2</translation>
    </message>
    <message>
        <source>it presented no certificate</source>
        <translation>er hat kein Zertifikat vorgelegt</translation>
    </message>
    <message>
        <source>the exchange root is not known</source>
        <translation>das Stammzertifikat der Börse ist nicht bekannt</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>%1 wird angelegt</translation>
    </message>
    <message>
        <source>Starting %1</source>
        <translation>%1 wird gestartet</translation>
    </message>
    <message>
        <source>Stopping %1</source>
        <translation>%1 wird angehalten</translation>
    </message>
    <message>
        <source>Rebooting %1</source>
        <translation>%1 wird neu gestartet</translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation>%1 wird gelöscht</translation>
    </message>
    <message>
        <source>The site sent an answer this desk cannot read (%1).</source>
        <translation>Der Standort hat eine Antwort gesendet, die dieser Handelsplatz nicht lesen kann (%1).</translation>
    </message>
    <message>
        <source>Choose a passphrase to protect the new user&apos;s PKCS#12 file.</source>
        <translation>Wählen Sie eine Passphrase, die die PKCS#12-Datei des neuen Benutzers schützt.</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Cannot write the screenshot %1.</source>
        <translation>Das Bildschirmfoto %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>embedded at %1</source>
        <translation>eingebettet unter %1</translation>
    </message>
    <message>
        <source>The exchange at %1 did not answer; the screenshot shows the desk unconnected.</source>
        <translation>Die Börse unter %1 hat nicht geantwortet; der Screenshot zeigt den Desk ohne Verbindung.</translation>
    </message>
    <message>
        <source>The demo site %1 did not start: %2</source>
        <translation>Der Demo-Standort %1 ist nicht gestartet: %2</translation>
    </message>
    <message>
        <source>The demo buyer&apos;s contract and VMs did not show in time.</source>
        <translation>Der Vertrag und die VMs des Demo-Käufers wurden nicht rechtzeitig angezeigt.</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>The embedded exchange did not answer.</source>
        <translation>Die eingebettete Börse hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>No identity %1 yet.</source>
        <translation>Noch keine Identität %1.</translation>
    </message>
    <message>
        <source>The identity %1 is unusable.</source>
        <translation>Die Identität %1 ist unbrauchbar.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be one of %2.</source>
        <translation>Das Feld „%1“ muss einer dieser Werte sein: %2.</translation>
    </message>
    <message>
        <source>Cannot create the exchange directory %1.</source>
        <translation>Der Börsenordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The client presented no certificate.</source>
        <translation>Der Client hat kein Zertifikat vorgelegt.</translation>
    </message>
    <message>
        <source>The certificate was not issued by this exchange.</source>
        <translation>Das Zertifikat wurde nicht von dieser Börse ausgestellt.</translation>
    </message>
    <message>
        <source>A contract certificate is not an identity for the exchange API.</source>
        <translation>Ein Vertragszertifikat ist keine Identität für die Börsen-API.</translation>
    </message>
    <message>
        <source>The certificate has been revoked.</source>
        <translation>Das Zertifikat wurde widerrufen.</translation>
    </message>
    <message>
        <source>There is no order %1.</source>
        <translation>Es gibt keinen Auftrag %1.</translation>
    </message>
    <message>
        <source>This request takes no body.</source>
        <translation>Diese Anfrage nimmt keinen Inhalt an.</translation>
    </message>
    <message>
        <source>The query parameter &quot;symbol&quot; is required.</source>
        <translation>Der Abfrageparameter „symbol“ ist erforderlich.</translation>
    </message>
    <message>
        <source>The query parameter &quot;limit&quot; must be a positive integer.</source>
        <translation>Der Abfrageparameter „limit“ muss eine positive ganze Zahl sein.</translation>
    </message>
    <message>
        <source>You have no contract %1.</source>
        <translation>Sie haben keinen Vertrag %1.</translation>
    </message>
    <message>
        <source>The field &quot;csr&quot; must be base64 DER.</source>
        <translation>Das Feld „csr“ muss Base64-kodiertes DER sein.</translation>
    </message>
    <message>
        <source>Only the buyer of a contract requests its certificates.</source>
        <translation>Nur der Käufer eines Vertrags fordert dessen Zertifikate an.</translation>
    </message>
    <message>
        <source>No open instrument %1.</source>
        <translation>Kein offenes Instrument %1.</translation>
    </message>
    <message>
        <source>The query parameter &quot;depth&quot; must be a positive integer.</source>
        <translation>Der Abfrageparameter „depth“ muss eine positive ganze Zahl sein.</translation>
    </message>
    <message>
        <source>No product %1.</source>
        <translation>Kein Produkt %1.</translation>
    </message>
    <message>
        <source>The exchange is not open yet.</source>
        <translation>Die Börse ist noch nicht geöffnet.</translation>
    </message>
    <message>
        <source>The embedded exchange is not running.</source>
        <translation>Die eingebettete Börse läuft nicht.</translation>
    </message>
    <message>
        <source>The query parameter &quot;to&quot; must be Unix seconds.</source>
        <translation>Der Abfrageparameter „to“ muss in Unix-Sekunden angegeben sein.</translation>
    </message>
    <message>
        <source>The query parameter &quot;from&quot; must be Unix seconds.</source>
        <translation>Der Abfrageparameter „from“ muss in Unix-Sekunden angegeben sein.</translation>
    </message>
    <message>
        <source>&quot;from&quot; must be before &quot;to&quot;.</source>
        <translation>„from“ muss vor „to“ liegen.</translation>
    </message>
    <message>
        <source>At most %1 points per answer: choose a coarser resolution or a shorter range.</source>
        <translation>Höchstens %1 Punkte je Antwort: Wählen Sie eine gröbere Auflösung oder einen kürzeren Zeitraum.</translation>
    </message>
    <message>
        <source>The Idempotency-Key header is not UTF-8.</source>
        <translation>Die Kopfzeile Idempotency-Key ist kein UTF-8.</translation>
    </message>
    <message>
        <source>exchange %1 (epoch %2)</source>
        <translation>Börse %1 (Epoche %2)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is damaged or of an unknown format (expected %2 with exchange_id and epoch).</source>
        <translation>%1 ist beschädigt oder hat ein unbekanntes Format (erwartet: %2 mit exchange_id und epoch).</translation>
    </message>
    <message>
        <source>%1 is not empty (it holds %2): --init creates an exchange only in a new or empty directory.</source>
        <translation>%1 ist nicht leer (enthält %2): --init legt eine Börse nur in einem neuen oder leeren Verzeichnis an.</translation>
    </message>
    <message>
        <source>journal.db in %1 is missing or empty, but the manifest names %2: refusing to start an empty exchange next to its CA (restore journal.db).</source>
        <translation>journal.db in %1 fehlt oder ist leer, das Manifest nennt aber %2: Eine leere Börse neben ihrer CA wird nicht gestartet (journal.db wiederherstellen).</translation>
    </message>
    <message>
        <source>ca/%1 in %2 is missing, but the manifest names %3 (restore ca/).</source>
        <translation>ca/%1 in %2 fehlt, das Manifest nennt aber %3 (ca/ wiederherstellen).</translation>
    </message>
    <message>
        <source>%1 holds %2 but no manifest.json, journal.db or CA: it is not a complete exchange data directory.</source>
        <translation>%1 enthält %2, aber weder manifest.json noch journal.db noch eine CA: Es ist kein vollständiges Datenverzeichnis einer Börse.</translation>
    </message>
    <message>
        <source>%1 is not an initialised exchange data directory (no manifest.json): create one with cloudex-exchange --data-dir %1 --init.</source>
        <translation>%1 ist kein initialisiertes Datenverzeichnis einer Börse (keine manifest.json): Legen Sie eines mit cloudex-exchange --data-dir %1 --init an.</translation>
    </message>
    <message>
        <source>journal.db in %1 is missing or empty while ca/ holds a CA: refusing to start an empty exchange next to it (restore journal.db).</source>
        <translation>journal.db in %1 fehlt oder ist leer, während ca/ eine CA enthält: Eine leere Börse daneben wird nicht gestartet (journal.db wiederherstellen).</translation>
    </message>
    <message>
        <source>ca/ in %1 is missing while journal.db holds an exchange&apos;s history (restore ca/).</source>
        <translation>ca/ in %1 fehlt, während journal.db die Historie einer Börse enthält (ca/ wiederherstellen).</translation>
    </message>
    <message>
        <source>ca/%1 in %2 is missing (restore ca/).</source>
        <translation>ca/%1 in %2 fehlt (ca/ wiederherstellen).</translation>
    </message>
    <message>
        <source>journal.db in %1 holds no records while ca/ holds a CA: refusing to start an empty exchange next to it (restore journal.db).</source>
        <translation>journal.db in %1 enthält keine Einträge, während ca/ eine CA enthält: Eine leere Börse daneben wird nicht gestartet (journal.db wiederherstellen).</translation>
    </message>
    <message>
        <source>ca/ca.sqlite in %1 belongs to %2, but the manifest names %3.</source>
        <translation>ca/ca.sqlite in %1 gehört zu %2, das Manifest nennt aber %3.</translation>
    </message>
    <message>
        <source>no exchange</source>
        <translation>keiner Börse</translation>
    </message>
    <message>
        <source>journal.db in %1 belongs to %2, but the manifest names %3.</source>
        <translation>journal.db in %1 gehört zu %2, das Manifest nennt aber %3.</translation>
    </message>
    <message>
        <source>journal.db and ca/ca.sqlite in %1 belong to %2 and %3, and there is no manifest.</source>
        <translation>journal.db und ca/ca.sqlite in %1 gehören zu %2 und %3, und es gibt kein Manifest.</translation>
    </message>
    <message>
        <source>%1 has no manifest.json (not initialised, or from an older version: start the exchange once to migrate it).</source>
        <translation>%1 hat keine manifest.json (nicht initialisiert oder von einer älteren Version: Starten Sie die Börse einmal, um es zu migrieren).</translation>
    </message>
    <message>
        <source>ca/%1 in %2 is missing.</source>
        <translation>ca/%1 in %2 fehlt.</translation>
    </message>
    <message>
        <source>journal.db in %1 is missing or empty.</source>
        <translation>journal.db in %1 fehlt oder ist leer.</translation>
    </message>
    <message>
        <source>The journal %1 is damaged at sequence %2: the record does not decode.</source>
        <translation>Das Journal %1 ist bei Sequenznummer %2 beschädigt: Der Eintrag lässt sich nicht dekodieren.</translation>
    </message>
    <message>
        <source>%1 is not a certificate serial.</source>
        <translation>%1 ist keine Seriennummer eines Zertifikats.</translation>
    </message>
    <message>
        <source>The field &quot;reason&quot; must say why, in 1 to %1 characters.</source>
        <translation>Das Feld „reason“ muss den Grund nennen, mit 1 bis %1 Zeichen.</translation>
    </message>
    <message>
        <source>There is no contract %1.</source>
        <translation>Es gibt keinen Vertrag %1.</translation>
    </message>
    <message>
        <source>No certificate with serial %1 was issued by this exchange.</source>
        <translation>Diese Börse hat kein Zertifikat mit der Seriennummer %1 ausgestellt.</translation>
    </message>
    <message>
        <source>%1 is a contract certificate: terminate the contract instead.</source>
        <translation>%1 ist ein Vertragszertifikat: Beenden Sie stattdessen den Vertrag.</translation>
    </message>
    <message>
        <source>%1 is the exchange&apos;s own server certificate.</source>
        <translation>%1 ist das eigene Serverzertifikat der Börse.</translation>
    </message>
    <message>
        <source>A market order has no price; send a limit order with time in force ioc to trade at once up to a price.</source>
        <translation>Eine Market-Order hat keinen Preis; senden Sie eine Limit-Order mit Gültigkeit ioc, um sofort bis zu einem Preis zu handeln.</translation>
    </message>
    <message>
        <source>Only the identity of site %1 registers it.</source>
        <translation>Nur die Identität des Standorts %1 kann ihn registrieren.</translation>
    </message>
    <message>
        <source>The endpoint must be an https URL of a host and port (https://host:port).</source>
        <translation>Der Endpunkt muss eine https-URL aus Host und Port sein (https://host:port).</translation>
    </message>
    <message>
        <source>The site certificate does not name the host %1.</source>
        <translation>Das Standortzertifikat nennt den Host %1 nicht.</translation>
    </message>
    <message>
        <source>Site %1 is not registered.</source>
        <translation>Der Standort %1 ist nicht registriert.</translation>
    </message>
    <message>
        <source>Only the site that holds contract %1 reports its usage.</source>
        <translation>Nur der Standort, der den Vertrag %1 hält, meldet dessen Nutzung.</translation>
    </message>
    <message>
        <source>You have no settlement of contract %1.</source>
        <translation>Sie haben keine Abrechnung des Vertrags %1.</translation>
    </message>
    <message>
        <source>Your organisation allows you at most %1 instances per order.</source>
        <translation>Ihre Organisation erlaubt Ihnen höchstens %1 Instanzen je Order.</translation>
    </message>
    <message>
        <source>Your organisation allows you open orders worth at most %1 ticks × instances × hours.</source>
        <translation>Ihre Organisation erlaubt Ihnen offene Orders im Wert von höchstens %1 Ticks × Instanzen × Stunden.</translation>
    </message>
    <message>
        <source>An organisation&apos;s administrator grants only trade, deploy and admin, not &quot;%1&quot;.</source>
        <translation>Die Administration einer Organisation vergibt nur trade, deploy und admin, nicht „%1“.</translation>
    </message>
    <message>
        <source>A permission is named twice.</source>
        <translation>Eine Berechtigung ist doppelt genannt.</translation>
    </message>
    <message>
        <source>There is no active user %1.</source>
        <translation>Es gibt keinen aktiven Benutzer %1.</translation>
    </message>
    <message>
        <source>An administrator manages the users of their own participant (%1) only.</source>
        <translation>Eine Administratorin verwaltet nur die Benutzer des eigenen Teilnehmers (%1).</translation>
    </message>
    <message>
        <source>%1 already has an identity; change its permissions or revoke it first.</source>
        <translation>%1 hat bereits eine Identität; ändern Sie deren Berechtigungen oder widerrufen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>replaces %1</source>
        <translation>ersetzt %1</translation>
    </message>
    <message>
        <source>; contract certificates revoked: %1</source>
        <translation>; widerrufene Vertragszertifikate: %1</translation>
    </message>
    <message>
        <source>This request takes an empty body.</source>
        <translation>Diese Anfrage nimmt einen leeren Rumpf.</translation>
    </message>
    <message>
        <source>contract certificates revoked: %1</source>
        <translation>widerrufene Vertragszertifikate: %1</translation>
    </message>
    <message>
        <source>%1 must be between 1 and the exchange&apos;s limit of the participant, %2.</source>
        <translation>%1 muss zwischen 1 und dem Limit der Börse für den Teilnehmer, %2, liegen.</translation>
    </message>
    <message>
        <source>Only the identity of site %1 reports its VM operations.</source>
        <translation>Nur die Identität von Standort %1 meldet dessen VM-Operationen.</translation>
    </message>
    <message>
        <source>Site %1 does not hold contract %2: it reports no VM operation of it.</source>
        <translation>Standort %1 hält Vertrag %2 nicht: Er meldet keine VM-Operation dazu.</translation>
    </message>
    <message>
        <source>A VM name is 1 to 32 lower-case letters, digits and &apos;-&apos;.</source>
        <translation>Ein VM-Name besteht aus 1 bis 32 Kleinbuchstaben, Ziffern und „-“.</translation>
    </message>
    <message>
        <source>A user name or certificate serial has at most 64 characters.</source>
        <translation>Ein Benutzername oder eine Zertifikatsseriennummer hat höchstens 64 Zeichen.</translation>
    </message>
    <message>
        <source>limit is a number from 1 to %1.</source>
        <translation>limit ist eine Zahl von 1 bis %1.</translation>
    </message>
</context>
<context>
    <name>Manage</name>
    <message>
        <source>%1 must be a list of strings.</source>
        <translation>%1 muss eine Liste von Zeichenketten sein.</translation>
    </message>
    <message>
        <source>%1 must be a whole number from 0 to %2.</source>
        <translation>%1 muss eine ganze Zahl von 0 bis %2 sein.</translation>
    </message>
    <message>
        <source>A profile id is 1 to 40 lowercase letters, digits or dashes.</source>
        <translation>Eine Profilkennung besteht aus 1 bis 40 Kleinbuchstaben, Ziffern oder Bindestrichen.</translation>
    </message>
    <message>
        <source>Unknown tenancy %1.</source>
        <translation>Unbekannte Mandantentrennung %1.</translation>
    </message>
    <message>
        <source>Unknown region %1.</source>
        <translation>Unbekannte Region %1.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a profile file (%2).</source>
        <translation>%1 ist keine Profildatei (%2).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n instance-hour(s) of demand stay uncovered: the budget, the price limits or the book allow no more.</source>
        <translation>
            <numerusform>%n Instanzstunde des Bedarfs bleibt ungedeckt: Budget, Preisgrenzen oder Orderbuch lassen nicht mehr zu.</numerusform>
            <numerusform>%n Instanzstunden des Bedarfs bleiben ungedeckt: Budget, Preisgrenzen oder Orderbuch lassen nicht mehr zu.</numerusform>
        </translation>
    </message>
    <message>
        <source>The book does not name sellers: the share per seller is checked on the contracts once they exist.</source>
        <translation>Das Orderbuch nennt keine Verkäufer: Der Anteil je Verkäufer wird an den Verträgen geprüft, sobald es sie gibt.</translation>
    </message>
    <message>
        <source>The plan buys from %1 seller(s), fewer than the %2 asked for.</source>
        <translation>Der Plan kauft bei %1 Verkäufer(n), weniger als die verlangten %2.</translation>
    </message>
    <message>
        <source>Unknown field %1.</source>
        <translation>Unbekanntes Feld %1.</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1 muss eine ganze Zahl von %2 bis %3 sein.</translation>
    </message>
    <message>
        <source>A strategy id is 1 to 40 lowercase letters, digits or dashes.</source>
        <translation>Eine Strategie-ID besteht aus 1 bis 40 Kleinbuchstaben, Ziffern oder Bindestrichen.</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 muss Text sein.</translation>
    </message>
    <message>
        <source>The horizon starts on a full hour.</source>
        <translation>Der Horizont beginnt zu einer vollen Stunde.</translation>
    </message>
    <message>
        <source>%1 must be a list.</source>
        <translation>%1 muss eine Liste sein.</translation>
    </message>
    <message>
        <source>%1 must be an object.</source>
        <translation>%1 muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>A peak ends after it starts.</source>
        <translation>Eine Spitze endet nach ihrem Beginn.</translation>
    </message>
    <message>
        <source>The fallback ladder lists next-region, next-sla-class and other-tenancy, each at most once.</source>
        <translation>Die Ausweichleiter nennt next-region, next-sla-class und other-tenancy, jedes höchstens einmal.</translation>
    </message>
    <message>
        <source>%1 is not a strategy file (%2).</source>
        <translation>%1 ist keine Strategiedatei (%2).</translation>
    </message>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>%1 lässt sich nicht entfernen: %2</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>An entry has no client order id.</source>
        <translation>Ein Eintrag hat keine Client-Order-ID.</translation>
    </message>
    <message>
        <source>%1 is not an order profile file (%2).</source>
        <translation>%1 ist keine Datei mit Order-Profilen (%2).</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>next business day</source>
        <translation>nächster Werktag</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Support response</source>
        <translation>Support-Reaktionszeit</translation>
    </message>
    <message numerus="yes">
        <source>within %n minute(s)</source>
        <translation>
            <numerusform>innerhalb von %n Minute</numerusform>
            <numerusform>innerhalb von %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Service credit at the first shortfall</source>
        <translation>Gutschrift bei der ersten Unterschreitung</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>at least %1 %</source>
        <translation>mindestens %1 %</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Tenancy</source>
        <translation>Mandantentrennung</translation>
    </message>
    <message>
        <source>Instance class</source>
        <translation>Instanzklasse</translation>
    </message>
    <message>
        <source>screened by the exchange</source>
        <translation>von der Börse geprüft</translation>
    </message>
    <message>
        <source>Seller&apos;s jurisdiction</source>
        <translation>Rechtsraum des Verkäufers</translation>
    </message>
    <message>
        <source>Seller&apos;s certifications</source>
        <translation>Zertifizierungen des Verkäufers</translation>
    </message>
    <message>
        <source>Seller&apos;s metadata policy</source>
        <translation>Metadaten-Richtlinie des Verkäufers</translation>
    </message>
</context>
<context>
    <name>Market</name>
    <message>
        <source>The snapshot at sequence %1 does not match its digest.</source>
        <translation>Der Snapshot bei Sequenznummer %1 passt nicht zu seiner Prüfsumme.</translation>
    </message>
    <message>
        <source>The journal is not contiguous after sequence %1.</source>
        <translation>Das Journal ist nach Sequenznummer %1 nicht lückenlos.</translation>
    </message>
    <message>
        <source>Unknown jurisdiction, certification or metadata policy for participant %1.</source>
        <translation>Unbekannte Rechtsordnung, Zertifizierung oder Metadaten-Richtlinie für Teilnehmer %1.</translation>
    </message>
    <message>
        <source>The order names an unknown jurisdiction, certification or metadata policy.</source>
        <translation>Der Auftrag nennt eine unbekannte Rechtsordnung, Zertifizierung oder Metadaten-Richtlinie.</translation>
    </message>
    <message>
        <source>The participant is not known to the exchange.</source>
        <translation>Der Teilnehmer ist der Börse nicht bekannt.</translation>
    </message>
    <message>
        <source>A participant with this id already exists.</source>
        <translation>Ein Teilnehmer mit dieser Kennung existiert bereits.</translation>
    </message>
    <message>
        <source>The participant is blocked by its kill switch.</source>
        <translation>Der Teilnehmer ist durch seinen Notschalter gesperrt.</translation>
    </message>
    <message>
        <source>The participant&apos;s role does not allow this side.</source>
        <translation>Die Rolle des Teilnehmers erlaubt diese Seite nicht.</translation>
    </message>
    <message>
        <source>The instrument is not listed.</source>
        <translation>Das Instrument ist nicht gelistet.</translation>
    </message>
    <message>
        <source>The instrument is already listed.</source>
        <translation>Das Instrument ist bereits gelistet.</translation>
    </message>
    <message>
        <source>The instrument is closed: its delivery has started.</source>
        <translation>Das Instrument ist geschlossen: Seine Lieferung hat begonnen.</translation>
    </message>
    <message>
        <source>The instrument definition is invalid.</source>
        <translation>Die Definition des Instruments ist ungültig.</translation>
    </message>
    <message>
        <source>The quantity must be a positive number of instances within the exchange maximum.</source>
        <translation>Die Menge muss eine positive Anzahl von Instanzen innerhalb des Börsenmaximums sein.</translation>
    </message>
    <message>
        <source>The price must be positive.</source>
        <translation>Der Preis muss positiv sein.</translation>
    </message>
    <message>
        <source>The price is not a multiple of the instrument&apos;s price increment.</source>
        <translation>Der Preis ist kein Vielfaches der Preisschrittweite des Instruments.</translation>
    </message>
    <message>
        <source>The price is outside the instrument&apos;s price band.</source>
        <translation>Der Preis liegt außerhalb des Preisbands des Instruments.</translation>
    </message>
    <message>
        <source>The quantity is not a multiple of the lot size.</source>
        <translation>Die Menge ist kein Vielfaches der Losgröße.</translation>
    </message>
    <message>
        <source>A good-till-date order needs an expiry in the future.</source>
        <translation>Ein Auftrag mit Gültigkeitsdatum braucht ein Ablaufdatum in der Zukunft.</translation>
    </message>
    <message>
        <source>Post-only applies to resting limit orders only.</source>
        <translation>Post-only gilt nur für ruhende Limit-Aufträge.</translation>
    </message>
    <message>
        <source>The order is larger than the participant&apos;s maximum order size.</source>
        <translation>Der Auftrag ist größer als die maximale Auftragsgröße des Teilnehmers.</translation>
    </message>
    <message>
        <source>The order would exceed the participant&apos;s open notional limit.</source>
        <translation>Der Auftrag würde das Limit für das offene Nominalvolumen des Teilnehmers überschreiten.</translation>
    </message>
    <message>
        <source>The order would exceed the participant&apos;s credit.</source>
        <translation>Der Auftrag würde den Kreditrahmen des Teilnehmers überschreiten.</translation>
    </message>
    <message>
        <source>The client order id was used before for a different order.</source>
        <translation>Die Kunden-Auftragsnummer wurde bereits für einen anderen Auftrag verwendet.</translation>
    </message>
    <message>
        <source>The order is not on the book.</source>
        <translation>Der Auftrag liegt nicht im Orderbuch.</translation>
    </message>
    <message>
        <source>The order belongs to another participant.</source>
        <translation>Der Auftrag gehört einem anderen Teilnehmer.</translation>
    </message>
    <message>
        <source>The post-only order would trade immediately.</source>
        <translation>Der Post-only-Auftrag würde sofort ausgeführt.</translation>
    </message>
    <message>
        <source>The fill-or-kill order cannot be filled completely.</source>
        <translation>Der Fill-or-Kill-Auftrag kann nicht vollständig ausgeführt werden.</translation>
    </message>
    <message>
        <source>Exchange time cannot go backwards.</source>
        <translation>Die Börsenzeit kann nicht zurücklaufen.</translation>
    </message>
    <message>
        <source>The contract does not exist.</source>
        <translation>Der Vertrag existiert nicht.</translation>
    </message>
    <message>
        <source>The contract has already ended.</source>
        <translation>Der Vertrag ist bereits beendet.</translation>
    </message>
    <message>
        <source>Rejected.</source>
        <translation>Abgelehnt.</translation>
    </message>
    <message>
        <source>The exchange journal has failed (%1); no commands are accepted until the exchange is restarted.</source>
        <translation>Das Journal der Börse ist ausgefallen (%1); bis zum Neustart der Börse werden keine Aufträge angenommen.</translation>
    </message>
    <message>
        <source>A client order id has at most %1 bytes of UTF-8 and no control characters.</source>
        <translation>Eine Client-Auftragskennung hat höchstens %1 Bytes UTF-8 und keine Steuerzeichen.</translation>
    </message>
    <message>
        <source>The journal %1 is damaged at sequence %2: the record does not decode.</source>
        <translation>Das Journal %1 ist bei Sequenznummer %2 beschädigt: Der Eintrag lässt sich nicht dekodieren.</translation>
    </message>
    <message>
        <source>Participant %1 may not sell, so it has no sites.</source>
        <translation>Teilnehmer %1 darf nicht verkaufen und hat daher keine Standorte.</translation>
    </message>
    <message>
        <source>Site %1 belongs to another participant.</source>
        <translation>Der Standort %1 gehört einem anderen Teilnehmer.</translation>
    </message>
    <message>
        <source>A site needs an id and an endpoint.</source>
        <translation>Ein Standort braucht eine Kennung und einen Endpunkt.</translation>
    </message>
    <message>
        <source>%1 is not a product of the catalogue.</source>
        <translation>%1 ist kein Produkt des Katalogs.</translation>
    </message>
    <message>
        <source>Site %1 does not hold contract %2.</source>
        <translation>Der Standort %1 hält den Vertrag %2 nicht.</translation>
    </message>
    <message>
        <source>Contract %1 is settled; its usage is final.</source>
        <translation>Der Vertrag %1 ist abgerechnet; seine Nutzung steht fest.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a VM name ([a-z0-9][a-z0-9-]{0,31}).</source>
        <translation>„%1“ ist kein VM-Name ([a-z0-9][a-z0-9-]{0,31}).</translation>
    </message>
    <message>
        <source>The hour starting at %1 is not an hour of the contract&apos;s window.</source>
        <translation>Die Stunde ab %1 ist keine Stunde des Lieferzeitraums des Vertrags.</translation>
    </message>
    <message>
        <source>Seconds per VM and hour lie between 0 and 3600.</source>
        <translation>Sekunden je VM und Stunde liegen zwischen 0 und 3600.</translation>
    </message>
    <message>
        <source>A VM cannot be available longer than it was expected to run.</source>
        <translation>Eine VM kann nicht länger verfügbar sein, als sie laufen sollte.</translation>
    </message>
    <message>
        <source>VM %1 appears twice for the hour starting at %2.</source>
        <translation>Die VM %1 erscheint zweimal für die Stunde ab %2.</translation>
    </message>
    <message>
        <source>The hour starting at %1 has more VM time than the contract&apos;s %2 instances.</source>
        <translation>Die Stunde ab %1 hat mehr VM-Zeit als die %2 Instanzen des Vertrags.</translation>
    </message>
    <message>
        <source>The snapshot at sequence %1 cannot be restored: it holds a state the engine never writes (a damaged file, or one from an incompatible version).</source>
        <translation>Der Snapshot bei Sequenz %1 lässt sich nicht wiederherstellen: Er enthält einen Zustand, den die Engine nie schreibt (eine beschädigte Datei oder eine aus einer inkompatiblen Version).</translation>
    </message>
</context>
<context>
    <name>Pki</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the CA certificate.</source>
        <translation>Das CA-Zertifikat kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot read the CA key %1: the passphrase is wrong or the file is damaged.</source>
        <translation>Der CA-Schlüssel %1 kann nicht gelesen werden: Die Passphrase ist falsch oder die Datei ist beschädigt.</translation>
    </message>
    <message>
        <source>The CA certificate %1 is damaged.</source>
        <translation>Das CA-Zertifikat %1 ist beschädigt.</translation>
    </message>
    <message>
        <source>The CA key does not belong to the CA certificate.</source>
        <translation>Der CA-Schlüssel gehört nicht zum CA-Zertifikat.</translation>
    </message>
    <message>
        <source>The CA certificate is damaged.</source>
        <translation>Das CA-Zertifikat ist beschädigt.</translation>
    </message>
    <message>
        <source>The participant or contract id is not valid.</source>
        <translation>Die Teilnehmer- oder Vertragskennung ist ungültig.</translation>
    </message>
    <message>
        <source>The certificate signing request names participant &quot;%1&quot;, but it was sent by %2.</source>
        <translation>Die Zertifikatsanforderung nennt den Teilnehmer „%1“, wurde aber von %2 gesendet.</translation>
    </message>
    <message>
        <source>There is no contract %1.</source>
        <translation>Es gibt keinen Vertrag %1.</translation>
    </message>
    <message>
        <source>Contract %1 is not a contract of %2.</source>
        <translation>Vertrag %1 ist kein Vertrag von %2.</translation>
    </message>
    <message>
        <source>Contract %1 was terminated.</source>
        <translation>Vertrag %1 wurde beendet.</translation>
    </message>
    <message>
        <source>Contract %1 has no valid delivery window or parties.</source>
        <translation>Vertrag %1 hat kein gültiges Lieferfenster oder keine gültigen Parteien.</translation>
    </message>
    <message>
        <source>The delivery window of contract %1 is over.</source>
        <translation>Das Lieferfenster von Vertrag %1 ist vorbei.</translation>
    </message>
    <message>
        <source>Cannot write the CRL to %1: %2</source>
        <translation>Die Sperrliste kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The CA directory %1 holds a key or a certificate but not both.</source>
        <translation>Das CA-Verzeichnis %1 enthält einen Schlüssel oder ein Zertifikat, aber nicht beides.</translation>
    </message>
    <message>
        <source>Cannot set up the CA signing key.</source>
        <translation>Der Signaturschlüssel der CA kann nicht eingerichtet werden.</translation>
    </message>
    <message>
        <source>Contract certificates are issued for contracts, not as identities.</source>
        <translation>Vertragszertifikate werden für Verträge ausgestellt, nicht als Identitäten.</translation>
    </message>
    <message>
        <source>The participant or identity name is not valid.</source>
        <translation>Der Teilnehmer- oder Identitätsname ist ungültig.</translation>
    </message>
    <message>
        <source>A participant certificate is named after the participant.</source>
        <translation>Ein Teilnehmerzertifikat trägt den Namen des Teilnehmers.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid permission.</source>
        <translation>„%1“ ist keine gültige Berechtigung.</translation>
    </message>
    <message>
        <source>The certificate signing request names participant &quot;%1&quot;, not %2.</source>
        <translation>Die Zertifikatsanforderung nennt den Teilnehmer „%1“, nicht %2.</translation>
    </message>
    <message>
        <source>The certificate signing request names &quot;%1&quot;, not %2.</source>
        <translation>Die Zertifikatsanforderung nennt „%1“, nicht %2.</translation>
    </message>
    <message>
        <source>A site certificate needs at least one DNS name or IP address.</source>
        <translation>Ein Standortzertifikat braucht mindestens einen DNS-Namen oder eine IP-Adresse.</translation>
    </message>
    <message>
        <source>%1 is not a valid DNS name.</source>
        <translation>%1 ist kein gültiger DNS-Name.</translation>
    </message>
    <message>
        <source>%1 is not a valid IP address.</source>
        <translation>%1 ist keine gültige IP-Adresse.</translation>
    </message>
    <message>
        <source>The certificate authority could not sign.</source>
        <translation>Die Zertifizierungsstelle konnte nicht signieren.</translation>
    </message>
    <message>
        <source>The certificate database failed: %1</source>
        <translation>Fehler in der Zertifikatsdatenbank: %1</translation>
    </message>
    <message>
        <source>Cannot open the certificate database %1: %2</source>
        <translation>Die Zertifikatsdatenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The certificate database %1 has an unknown schema version.</source>
        <translation>Die Zertifikatsdatenbank %1 hat eine unbekannte Schemaversion.</translation>
    </message>
    <message>
        <source>No certificate with serial %1 was issued by this CA.</source>
        <translation>Diese CA hat kein Zertifikat mit der Seriennummer %1 ausgestellt.</translation>
    </message>
    <message>
        <source>The certificate has expired.</source>
        <translation>Das Zertifikat ist abgelaufen.</translation>
    </message>
    <message>
        <source>The certificate is not valid yet.</source>
        <translation>Das Zertifikat ist noch nicht gültig.</translation>
    </message>
    <message>
        <source>The certificate has been revoked.</source>
        <translation>Das Zertifikat wurde gesperrt.</translation>
    </message>
    <message>
        <source>There is no revocation list to check the certificate against.</source>
        <translation>Es gibt keine Sperrliste, gegen die das Zertifikat geprüft werden kann.</translation>
    </message>
    <message>
        <source>The revocation list is out of date.</source>
        <translation>Die Sperrliste ist veraltet.</translation>
    </message>
    <message>
        <source>The revocation list is not valid yet.</source>
        <translation>Die Sperrliste ist noch nicht gültig.</translation>
    </message>
    <message>
        <source>The certificate is not meant for this use.</source>
        <translation>Das Zertifikat ist für diesen Zweck nicht bestimmt.</translation>
    </message>
    <message>
        <source>The certificate was not issued by the exchange.</source>
        <translation>Das Zertifikat wurde nicht von der Börse ausgestellt.</translation>
    </message>
    <message>
        <source>The certificate does not verify: %1</source>
        <translation>Das Zertifikat ist nicht gültig: %1</translation>
    </message>
    <message>
        <source>The exchange root certificate is damaged.</source>
        <translation>Das Stammzertifikat der Börse ist beschädigt.</translation>
    </message>
    <message>
        <source>The exchange root certificate is not set.</source>
        <translation>Das Stammzertifikat der Börse ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>The revocation list is damaged.</source>
        <translation>Die Sperrliste ist beschädigt.</translation>
    </message>
    <message>
        <source>The revocation list was not signed by the exchange.</source>
        <translation>Die Sperrliste wurde nicht von der Börse signiert.</translation>
    </message>
    <message>
        <source>The certificate is damaged.</source>
        <translation>Das Zertifikat ist beschädigt.</translation>
    </message>
    <message>
        <source>Internal error in the certificate verifier.</source>
        <translation>Interner Fehler in der Zertifikatsprüfung.</translation>
    </message>
    <message>
        <source>The certificate belongs to %1, not %2.</source>
        <translation>Das Zertifikat gehört %1, nicht %2.</translation>
    </message>
    <message>
        <source>The certificate is not a contract certificate.</source>
        <translation>Das Zertifikat ist kein Vertragszertifikat.</translation>
    </message>
    <message>
        <source>The certificate&apos;s contract information is inconsistent.</source>
        <translation>Die Vertragsangaben des Zertifikats sind widersprüchlich.</translation>
    </message>
    <message>
        <source>The certificate is for contract %1, not %2.</source>
        <translation>Das Zertifikat gilt für Vertrag %1, nicht %2.</translation>
    </message>
    <message>
        <source>Contract %1 is not a contract with %2.</source>
        <translation>Vertrag %1 ist kein Vertrag mit %2.</translation>
    </message>
    <message>
        <source>Contract %1 is not known here.</source>
        <translation>Vertrag %1 ist hier nicht bekannt.</translation>
    </message>
    <message>
        <source>The certificate&apos;s terms differ from contract %1.</source>
        <translation>Die Bedingungen im Zertifikat weichen von Vertrag %1 ab.</translation>
    </message>
    <message>
        <source>The certificate is not an identity certificate.</source>
        <translation>Das Zertifikat ist kein Identitätszertifikat.</translation>
    </message>
    <message>
        <source>The certificate identifies something else.</source>
        <translation>Das Zertifikat weist etwas anderes aus.</translation>
    </message>
    <message>
        <source>There is no private key.</source>
        <translation>Es gibt keinen privaten Schlüssel.</translation>
    </message>
    <message>
        <source>A PKCS#12 file with a private key needs a passphrase.</source>
        <translation>Eine PKCS#12-Datei mit privatem Schlüssel braucht eine Passphrase.</translation>
    </message>
    <message>
        <source>The private key does not belong to the certificate.</source>
        <translation>Der private Schlüssel gehört nicht zum Zertifikat.</translation>
    </message>
    <message>
        <source>Cannot create the PKCS#12 file.</source>
        <translation>Die PKCS#12-Datei kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>A chain certificate is damaged.</source>
        <translation>Ein Zertifikat der Kette ist beschädigt.</translation>
    </message>
    <message>
        <source>Cannot generate a key pair.</source>
        <translation>Es kann kein Schlüsselpaar erzeugt werden.</translation>
    </message>
    <message>
        <source>Cannot read the private key.</source>
        <translation>Der private Schlüssel kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read the private key: it is damaged or the passphrase is wrong.</source>
        <translation>Der private Schlüssel kann nicht gelesen werden: Er ist beschädigt oder die Passphrase ist falsch.</translation>
    </message>
    <message>
        <source>The private key is not an ECDSA P-256 key.</source>
        <translation>Der private Schlüssel ist kein ECDSA-P-256-Schlüssel.</translation>
    </message>
    <message>
        <source>Cannot encode the private key.</source>
        <translation>Der private Schlüssel kann nicht kodiert werden.</translation>
    </message>
    <message>
        <source>Cannot create the certificate signing request.</source>
        <translation>Die Zertifikatsanforderung kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>A certificate request needs a participant and a name.</source>
        <translation>Eine Zertifikatsanforderung braucht einen Teilnehmer und einen Namen.</translation>
    </message>
    <message>
        <source>The certificate signing request is malformed.</source>
        <translation>Die Zertifikatsanforderung ist fehlerhaft aufgebaut.</translation>
    </message>
    <message>
        <source>The certificate signing request must carry an ECDSA P-256 key; other key types and sizes are not accepted.</source>
        <translation>Die Zertifikatsanforderung muss einen ECDSA-P-256-Schlüssel enthalten; andere Schlüsseltypen und -größen werden nicht angenommen.</translation>
    </message>
    <message>
        <source>The certificate signing request must be signed with ECDSA and SHA-256.</source>
        <translation>Die Zertifikatsanforderung muss mit ECDSA und SHA-256 signiert sein.</translation>
    </message>
    <message>
        <source>The public key of the certificate signing request is invalid.</source>
        <translation>Der öffentliche Schlüssel der Zertifikatsanforderung ist ungültig.</translation>
    </message>
    <message>
        <source>Internal error in the certificate authority.</source>
        <translation>Interner Fehler in der Zertifizierungsstelle.</translation>
    </message>
    <message>
        <source>The signature of the certificate signing request does not verify.</source>
        <translation>Die Signatur der Zertifikatsanforderung ist ungültig.</translation>
    </message>
    <message>
        <source>The CA key %1 is encrypted: its passphrase is needed.</source>
        <translation>Der CA-Schlüssel %1 ist verschlüsselt: Seine Passphrase wird benötigt.</translation>
    </message>
    <message>
        <source>The certificate database belongs to exchange %1 (epoch %2).</source>
        <translation>Die Zertifikatsdatenbank gehört zur Börse %1 (Epoche %2).</translation>
    </message>
    <message>
        <source>No identity with serial %1 was issued by this exchange.</source>
        <translation>Diese Börse hat keine Identität mit der Seriennummer %1 ausgestellt.</translation>
    </message>
    <message>
        <source>The identity %1 was revoked.</source>
        <translation>Die Identität %1 wurde widerrufen.</translation>
    </message>
    <message>
        <source>The stored certificate %1 cannot be read.</source>
        <translation>Das gespeicherte Zertifikat %1 ist nicht lesbar.</translation>
    </message>
    <message>
        <source>The stored certificate %1 has no readable key.</source>
        <translation>Das gespeicherte Zertifikat %1 hat keinen lesbaren Schlüssel.</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Replace order %1</source>
        <translation>Auftrag %1 ändern</translation>
    </message>
    <message>
        <source>Price (EUR):</source>
        <translation>Preis (EUR):</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Menge:</translation>
    </message>
    <message>
        <source>Enter a price in EUR with at most four decimals.</source>
        <translation>Geben Sie einen Preis in EUR mit höchstens vier Nachkommastellen ein.</translation>
    </message>
    <message>
        <source>Deploy on %1</source>
        <translation>Auf %1 bereitstellen</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>No disk</source>
        <translation>Ohne Festplatte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>web</source>
        <translation>web</translation>
    </message>
    <message>
        <source>Number of VMs</source>
        <translation>Anzahl der VMs</translation>
    </message>
    <message numerus="yes">
        <source>The contract admits %n more VM(s); each gets the contract&apos;s instance size.</source>
        <translation>
            <numerusform>Der Vertrag lässt noch %n VM zu; sie erhält die Instanzgröße des Vertrags.</numerusform>
            <numerusform>Der Vertrag lässt noch %n VMs zu; jede erhält die Instanzgröße des Vertrags.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>N&amp;umber:</source>
        <translation>A&amp;nzahl:</translation>
    </message>
    <message>
        <source>Enter a name of lower-case letters, digits and dashes.</source>
        <translation>Geben Sie einen Namen aus Kleinbuchstaben, Ziffern und Bindestrichen ein.</translation>
    </message>
</context>
<context>
    <name>StartupOptions</name>
    <message>
        <source>--%1: %2</source>
        <translation>--%1: %2</translation>
    </message>
    <message>
        <source>CloudEx, the desk for trading and running IaaS capacity.</source>
        <translation>CloudEx, der Arbeitsplatz für Handel und Betrieb von IaaS-Kapazität.</translation>
    </message>
    <message>
        <source>Keep journal, keys and settings in &lt;dir&gt;.</source>
        <translation>Journal, Schlüssel und Einstellungen in &lt;verzeichnis&gt; ablegen.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>verzeichnis</translation>
    </message>
    <message>
        <source>Connect to the exchange at &lt;url&gt; instead of the embedded one.</source>
        <translation>Mit der Börse unter &lt;url&gt; statt der eingebetteten verbinden.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Use the hypervisor at libvirt &lt;uri&gt; instead of the test driver.</source>
        <translation>Den Hypervisor unter der libvirt-&lt;uri&gt; statt des Testtreibers verwenden.</translation>
    </message>
    <message>
        <source>uri</source>
        <translation>uri</translation>
    </message>
    <message>
        <source>User interface language: en or de.</source>
        <translation>Sprache der Oberfläche: en oder de.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>Render the window offscreen to the PNG &lt;file&gt; and exit.</source>
        <translation>Das Fenster unsichtbar in die PNG-&lt;datei&gt; zeichnen und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>datei</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>the path is empty</source>
        <translation>der Pfad ist leer</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot;; available: %2</source>
        <translation>unbekannte Sprache „%1“; verfügbar: %2</translation>
    </message>
    <message>
        <source>unknown workspace &quot;%1&quot;; available: %2</source>
        <translation>unbekannter Arbeitsbereich „%1“; verfügbar: %2</translation>
    </message>
    <message>
        <source>the file name must end in .png</source>
        <translation>der Dateiname muss auf .png enden</translation>
    </message>
    <message>
        <source>cannot write into the folder %1</source>
        <translation>in den Ordner %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an https:// URL with a host, for example https://exchange.example:8443</source>
        <translation>„%1“ ist keine https://-URL mit Host, zum Beispiel https://exchange.example:8443</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a libvirt URI such as qemu:///system or qemu+ssh://host/system</source>
        <translation>„%1“ ist keine libvirt-URI wie qemu:///system oder qemu+ssh://host/system</translation>
    </message>
    <message>
        <source>the file %1 does not exist</source>
        <translation>die Datei %1 existiert nicht</translation>
    </message>
    <message>
        <source>cannot read the file %1</source>
        <translation>die Datei %1 ist nicht lesbar</translation>
    </message>
    <message>
        <source>With --exchange: the PKCS#12 &lt;file&gt; holding your certificate and key (its passphrase in the environment variable %1 or in --passphrase-file).</source>
        <translation>Mit --exchange: die PKCS#12-Datei &lt;file&gt; mit Ihrem Zertifikat und Schlüssel (die Passphrase in der Umgebungsvariable %1 oder in --passphrase-file).</translation>
    </message>
    <message>
        <source>Read the identity&apos;s passphrase from the first line of &lt;file&gt;.</source>
        <translation>Die Passphrase der Identität aus der ersten Zeile von &lt;file&gt; lesen.</translation>
    </message>
    <message>
        <source>Let simulated participants trade on the embedded exchange, so the market is alive.</source>
        <translation>Simulierte Teilnehmer an der eingebetteten Börse handeln lassen, damit der Markt lebt.</translation>
    </message>
    <message>
        <source>a remote exchange needs your identity: add --identity FILE.p12</source>
        <translation>eine entfernte Börse braucht Ihre Identität: --identity DATEI.p12 angeben</translation>
    </message>
    <message>
        <source>an identity file is for a remote exchange: add --exchange URL</source>
        <translation>eine Identitätsdatei ist für eine entfernte Börse: --exchange URL angeben</translation>
    </message>
    <message>
        <source>a passphrase is for --identity</source>
        <translation>eine Passphrase gehört zu --identity</translation>
    </message>
    <message>
        <source>the demo market runs on the embedded exchange, not on a remote one</source>
        <translation>der Demo-Markt läuft an der eingebetteten Börse, nicht an einer entfernten</translation>
    </message>
    <message>
        <source>Colour theme: system, light or dark.</source>
        <translation>Farbschema: system, light oder dark.</translation>
    </message>
    <message>
        <source>Open the window at &lt;width&gt;x&lt;height&gt; pixels, e.g. 1280x800.</source>
        <translation>Das Fenster mit &lt;Breite&gt;x&lt;Höhe&gt; Pixeln öffnen, z. B. 1280x800.</translation>
    </message>
    <message>
        <source>size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>unknown theme &quot;%1&quot;; available: %2</source>
        <translation>unbekanntes Farbschema „%1“; verfügbar: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size like 1280x800 (640x480 to 7680x4320)</source>
        <translation>„%1“ ist keine Größe wie 1280x800 (640x480 bis 7680x4320)</translation>
    </message>
    <message>
        <source>Open the workspace &lt;name&gt;: market, buy, buy-strategy (the Buy workspace&apos;s strategy page), buy-sla (its SLA profiles), chargeback (its Chargeback tab), sell or users.</source>
        <translation>Den Arbeitsbereich &lt;name&gt; öffnen: market, buy, buy-strategy (die Strategieseite des Arbeitsbereichs Kaufen), buy-sla (seine SLA-Profile), chargeback (seine Registerkarte Verrechnung), sell oder users.</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Journal %1 failed: %2</source>
        <translation>Journal-Vorgang „%1“ fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cannot open the journal %1: %2</source>
        <translation>Das Journal %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>setup</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>reading the last sequence</source>
        <translation>Lesen der letzten Sequenznummer</translation>
    </message>
    <message>
        <source>commit</source>
        <translation>Festschreiben</translation>
    </message>
    <message>
        <source>reading snapshots</source>
        <translation>Lesen der Snapshots</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>Wiedereinspielen</translation>
    </message>
    <message>
        <source>The journal %1 is damaged at sequence %2: %3</source>
        <translation>Das Journal %1 ist bei Sequenznummer %2 beschädigt: %3</translation>
    </message>
    <message>
        <source>reading the identity</source>
        <translation>Lesen der Identität</translation>
    </message>
    <message>
        <source>reading the head</source>
        <translation>Lesen des Kopfes</translation>
    </message>
    <message>
        <source>the record is missing (the next one stored is %1).</source>
        <translation>Der Eintrag fehlt (der nächste gespeicherte ist %1).</translation>
    </message>
    <message>
        <source>the record has no checksum.</source>
        <translation>Der Eintrag hat keine Prüfsumme.</translation>
    </message>
    <message>
        <source>the record does not match its checksum.</source>
        <translation>Der Eintrag passt nicht zu seiner Prüfsumme.</translation>
    </message>
    <message>
        <source>the journal&apos;s head record is missing.</source>
        <translation>Der Kopfeintrag des Journals fehlt.</translation>
    </message>
    <message>
        <source>the journal ends at %1 but its head is at %2: records are missing.</source>
        <translation>Das Journal endet bei %1, sein Kopf steht aber bei %2: Einträge fehlen.</translation>
    </message>
    <message>
        <source>the journal&apos;s head does not match its last record.</source>
        <translation>Der Kopf des Journals passt nicht zu seinem letzten Eintrag.</translation>
    </message>
    <message>
        <source>The journal %1 has records without checksums (format 1): start the exchange service on its data directory once to migrate it.</source>
        <translation>Das Journal %1 hat Einträge ohne Prüfsummen (Format 1): Starten Sie den Börsendienst einmal auf seinem Datenverzeichnis, um es zu migrieren.</translation>
    </message>
    <message>
        <source>the snapshot does not match its checksum.</source>
        <translation>Der Snapshot passt nicht zu seiner Prüfsumme.</translation>
    </message>
    <message>
        <source>The journal %1 does not exist.</source>
        <translation>Das Journal %1 existiert nicht.</translation>
    </message>
    <message>
        <source>migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <source>The journal %1 belongs to exchange %2 (epoch %3).</source>
        <translation>Das Journal %1 gehört zur Börse %2 (Epoche %3).</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>No translation for language &quot;%1&quot; is built in.</source>
        <translation>Für die Sprache „%1“ ist keine Übersetzung eingebaut.</translation>
    </message>
</context>
<context>
    <name>cloudex::connect::ConnectAgent</name>
    <message>
        <source>Connecting the site</source>
        <translation>Der Standort wird verbunden</translation>
    </message>
    <message>
        <source>Connecting %1</source>
        <translation>Verbindung zu %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Re-creating %1 on %2</source>
        <translation>%1 wird auf %2 neu angelegt</translation>
    </message>
    <message>
        <source>Reconciling the inventory</source>
        <translation>Das Inventar wird abgeglichen</translation>
    </message>
    <message>
        <source>Adding %1</source>
        <translation>%1 wird hinzugefügt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a libvirt URI.</source>
        <translation>„%1“ ist keine libvirt-URI.</translation>
    </message>
    <message>
        <source>%1 is already connected.</source>
        <translation>%1 ist bereits verbunden.</translation>
    </message>
    <message>
        <source>The site already has a host named %1.</source>
        <translation>Der Standort hat bereits einen Host namens %1.</translation>
    </message>
    <message>
        <source>Adding a workflow</source>
        <translation>Ein Workflow wird hinzugefügt</translation>
    </message>
    <message>
        <source>The workflow has no command.</source>
        <translation>Der Workflow hat keinen Befehl.</translation>
    </message>
    <message>
        <source>Connecting workflow %1</source>
        <translation>Verbindung zu Workflow %1</translation>
    </message>
    <message>
        <source>Asking workflow %1 for its hosts</source>
        <translation>Workflow %1 wird nach seinen Hosts gefragt</translation>
    </message>
    <message>
        <source>Removing %1</source>
        <translation>%1 wird entfernt</translation>
    </message>
    <message>
        <source>VM %1 still lives on %2; move or delete it first.</source>
        <translation>VM %1 liegt noch auf %2; zuerst verschieben oder löschen.</translation>
    </message>
    <message>
        <source>Disconnecting %1</source>
        <translation>Verbindung zu %1 wird getrennt</translation>
    </message>
    <message>
        <source>There is no tenant %1.</source>
        <translation>Es gibt keinen Mandanten %1.</translation>
    </message>
    <message>
        <source>Provisioning %1</source>
        <translation>%1 wird bereitgestellt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a VM name: use letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>„%1“ ist kein VM-Name: Buchstaben, Ziffern, &apos;.&apos;, &apos;-&apos; und &apos;_&apos; verwenden.</translation>
    </message>
    <message>
        <source>The name %1 is taken.</source>
        <translation>Der Name %1 ist vergeben.</translation>
    </message>
    <message>
        <source>There is no VM %1.</source>
        <translation>Es gibt keine VM %1.</translation>
    </message>
    <message>
        <source>%1 is busy with another operation.</source>
        <translation>%1 ist mit einem anderen Vorgang beschäftigt.</translation>
    </message>
    <message>
        <source>Starting %1</source>
        <translation>%1 wird gestartet</translation>
    </message>
    <message>
        <source>Stopping %1</source>
        <translation>%1 wird gestoppt</translation>
    </message>
    <message>
        <source>Rebooting %1</source>
        <translation>%1 wird neu gestartet</translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation>%1 wird gelöscht</translation>
    </message>
    <message>
        <source>Cloning %1 as %2</source>
        <translation>%1 wird als %2 geklont</translation>
    </message>
    <message>
        <source>The name %1 is taken or invalid.</source>
        <translation>Der Name %1 ist vergeben oder ungültig.</translation>
    </message>
    <message>
        <source>Moving %1 to %2</source>
        <translation>%1 wird nach %2 verschoben</translation>
    </message>
    <message>
        <source>VM %1 of tenant %2 on %3 would break the group&apos;s separation.</source>
        <translation>VM %1 von Mandant %2 auf %3 würde die Trennung der Gruppe verletzen.</translation>
    </message>
    <message>
        <source>VM %1 relies on the separation of host group %2.</source>
        <translation>VM %1 ist auf die Trennung der Hostgruppe %2 angewiesen.</translation>
    </message>
    <message>
        <source>The %1 hosts have %2 vCPU and %3 MiB; the offers would reserve %4 vCPU and %5 MiB.</source>
        <translation>Die Hosts für %1 haben %2 vCPU und %3 MiB; die Angebote würden %4 vCPU und %5 MiB reservieren.</translation>
    </message>
    <message>
        <source>Shutting down %1</source>
        <translation>%1 wird heruntergefahren</translation>
    </message>
    <message numerus="yes">
        <source>Tenant %1 still owns %n VM(s) (%2); delete them first.</source>
        <translation>
            <numerusform>Mandant %1 besitzt noch %n VM (%2); löschen Sie sie zuerst.</numerusform>
            <numerusform>Mandant %1 besitzt noch %n VMs (%2); löschen Sie sie zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tenant %1 is named by host group %2; take it out of the group first.</source>
        <translation>Mandant %1 ist in Hostgruppe %2 eingetragen; nehmen Sie ihn zuerst aus der Gruppe.</translation>
    </message>
    <message>
        <source>Tenant %1 holds contract %2, which has not ended.</source>
        <translation>Mandant %1 hält den Vertrag %2, der noch nicht beendet ist.</translation>
    </message>
    <message>
        <source>A fixed-price offer needs a price above zero.</source>
        <translation>Ein Angebot zum Festpreis braucht einen Preis über null.</translation>
    </message>
    <message>
        <source>The markup must lie between -99.99 % and 1000 %.</source>
        <translation>Der Aufschlag muss zwischen -99,99 % und 1000 % liegen.</translation>
    </message>
    <message>
        <source>The floor must not be above the cap.</source>
        <translation>Die Untergrenze darf nicht über der Obergrenze liegen.</translation>
    </message>
    <message>
        <source>%1 is not a %2 host group.</source>
        <translation>%1 ist keine Hostgruppe für %2.</translation>
    </message>
</context>
<context>
    <name>cloudex::connect::OfferTrader</name>
    <message>
        <source>cannot read the site&apos;s records: %1</source>
        <translation>Die Aufzeichnungen des Standorts sind nicht lesbar: %1</translation>
    </message>
</context>
<context>
    <name>cloudex::desk::DemoBuyer</name>
    <message>
        <source>The demo buyer found nothing to buy of %1.</source>
        <translation>Der Demo-Käufer fand nichts von %1 zu kaufen.</translation>
    </message>
    <message>
        <source>The demo VM could not be defined: %1</source>
        <translation>Die Demo-VM konnte nicht angelegt werden: %1</translation>
    </message>
</context>
<context>
    <name>cloudex::desk::DemoMarket</name>
    <message>
        <source>The demo market has no traders.</source>
        <translation>Der Demo-Markt hat keine Händler.</translation>
    </message>
    <message>
        <source>The demo market cannot read the instruments: %1</source>
        <translation>Der Demo-Markt kann die Instrumente nicht lesen: %1</translation>
    </message>
    <message>
        <source>The demo market found no instruments to trade.</source>
        <translation>Der Demo-Markt hat keine handelbaren Instrumente gefunden.</translation>
    </message>
</context>
<context>
    <name>cloudex::models::BoughtContractModel</name>
    <message>
        <source>– of %1</source>
        <translation>– von %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>starts %1</source>
        <translation>beginnt %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>awaiting</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>EUR %1 (estimated)</source>
        <translation>%1 EUR (geschätzt)</translation>
    </message>
    <message>
        <source>EUR %1</source>
        <translation>%1 EUR</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Verkäufer</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>VMs used</source>
        <translation>Belegte VMs</translation>
    </message>
    <message>
        <source>Delivery (UTC)</source>
        <translation>Lieferung (UTC)</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Zeitfenster</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>cloudex::models::ContractModel</name>
    <message>
        <source>scheduled</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>bought</source>
        <translation>gekauft</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>verkauft</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Gegenpartei</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Price (EUR)</source>
        <translation>Preis (EUR)</translation>
    </message>
    <message>
        <source>Delivery (UTC)</source>
        <translation>Lieferung (UTC)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>cloudex::models::FillModel</name>
    <message>
        <source>bought</source>
        <translation>gekauft</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>verkauft</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Price (EUR)</source>
        <translation>Preis (EUR)</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Gegenpartei</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
</context>
<context>
    <name>cloudex::models::HostModel</name>
    <message>
        <source>shared pool</source>
        <translation>Gemeinschaftspool</translation>
    </message>
    <message>
        <source>%1 / %2 vCPU</source>
        <translation>%1 / %2 vCPU</translation>
    </message>
    <message>
        <source>%1 / %2 GiB</source>
        <translation>%1 / %2 GiB</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>online (%1)</source>
        <translation>online (%1)</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Host group</source>
        <translation>Hostgruppe</translation>
    </message>
    <message>
        <source>Separation</source>
        <translation>Trennung</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>cloudex::models::InstrumentModel</name>
    <message>
        <source>hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>quarter</source>
        <translation>Quartal</translation>
    </message>
    <message>
        <source>Delivery period: H hour, D day, W week, M month, Q quarter</source>
        <translation>Lieferperiode: H Stunde, D Tag, W Woche, M Monat, Q Quartal</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Geld</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Letzter</translation>
    </message>
    <message>
        <source>Start of delivery, UTC</source>
        <translation>Lieferbeginn, UTC</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginn</translation>
    </message>
</context>
<context>
    <name>cloudex::models::OrderBookModel</name>
    <message numerus="yes">
        <source>%n order(s), %1 instances at %2 EUR</source>
        <translation>
            <numerusform>%n Auftrag, %1 Instanzen zu %2 EUR</numerusform>
            <numerusform>%n Aufträge, %1 Instanzen zu %2 EUR</numerusform>
        </translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Bids</source>
        <translation>Geld</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Asks</source>
        <translation>Brief</translation>
    </message>
</context>
<context>
    <name>cloudex::models::OrderModel</name>
    <message>
        <source>buy</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>sell</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Price (EUR)</source>
        <translation>Preis (EUR)</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Client order id</source>
        <translation>Client-Auftrags-ID</translation>
    </message>
</context>
<context>
    <name>cloudex::models::PaneModel</name>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>creating</source>
        <translation>wird erstellt</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>stoppt</translation>
    </message>
    <message>
        <source>deleting</source>
        <translation>wird gelöscht</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>own site</source>
        <translation>eigener Standort</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n VM(s))</source>
        <translation>
            <numerusform>%1 (%n VM)</numerusform>
            <numerusform>%1 (%n VMs)</numerusform>
        </translation>
    </message>
    <message>
        <source>stale since %1</source>
        <translation>veraltet seit %1</translation>
    </message>
    <message>
        <source>%1 has not answered since %2; the VMs are shown as it last reported them.</source>
        <translation>%1 antwortet seit %2 nicht; die VMs werden so gezeigt, wie zuletzt gemeldet.</translation>
    </message>
    <message>
        <source>%1 (stale since %2)</source>
        <translation>%1 (veraltet seit %2)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Verkäufer</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Tenancy</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>SLA class</source>
        <translation>SLA-Klasse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>vCPU</source>
        <translation>vCPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Running since (UTC)</source>
        <translation>Läuft seit (UTC)</translation>
    </message>
    <message>
        <source>Cost so far (EUR)</source>
        <translation>Kosten (EUR)</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>starts %1</source>
        <translation>beginnt %1</translation>
    </message>
</context>
<context>
    <name>cloudex::models::PlanModel</name>
    <message>
        <source>term</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>short</source>
        <translation>kurz</translation>
    </message>
    <message>
        <source>spot</source>
        <translation>Spot</translation>
    </message>
    <message>
        <source>%1 (fallback %2)</source>
        <translation>%1 (Ausweichstufe %2)</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 h from %2</source>
        <translation>%1 h ab %2</translation>
    </message>
    <message>
        <source>projected</source>
        <translation>projiziert</translation>
    </message>
    <message>
        <source>to place</source>
        <translation>zu platzieren</translation>
    </message>
    <message>
        <source>Rung</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Limit (EUR/h)</source>
        <translation>Limit (EUR/h)</translation>
    </message>
    <message>
        <source>Average (EUR/h)</source>
        <translation>Durchschnitt (EUR/h)</translation>
    </message>
    <message>
        <source>Cost (EUR)</source>
        <translation>Kosten (EUR)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>cloudex::models::ProductModel</name>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Tenancy</source>
        <translation>Mandantentrennung</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Support response</source>
        <translation>Support-Reaktionszeit</translation>
    </message>
    <message>
        <source>Spot index: the volume-weighted price of the front hour&apos;s trades in the last five minutes, EUR per instance-hour</source>
        <translation>Spotindex: volumengewichteter Preis der Trades der vordersten Stunde in den letzten fünf Minuten, EUR je Instanzstunde</translation>
    </message>
    <message>
        <source>Change of the spot index over the last 24 hours (or since the first trade)</source>
        <translation>Änderung des Spotindex in den letzten 24 Stunden (oder seit dem ersten Trade)</translation>
    </message>
    <message>
        <source>Instance-hours traded in the last 24 hours, every delivery period</source>
        <translation>In den letzten 24 Stunden gehandelte Instanzstunden, alle Lieferperioden</translation>
    </message>
    <message>
        <source>%1
%2; support response %3</source>
        <translation>%1
%2; Support-Reaktion %3</translation>
    </message>
    <message>
        <source>Change of the spot index over 24 hours</source>
        <translation>Änderung des Spotindex über 24 Stunden</translation>
    </message>
    <message>
        <source>Instance-hours traded in 24 hours</source>
        <translation>In 24 Stunden gehandelte Instanzstunden</translation>
    </message>
    <message>
        <source>Spot</source>
        <translation>Spot</translation>
    </message>
    <message>
        <source>24 h</source>
        <extracomment>Column header: change over 24 hours, keep short</extracomment>
        <translation>24 h</translation>
    </message>
    <message>
        <source>Vol.</source>
        <extracomment>Column header: volume, keep short</extracomment>
        <translation>Vol.</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>%1 · %2 vCPU · %3 GiB
%4 · %5 · %6</source>
        <extracomment>Product browser, two lines: class code and size; region, tenancy and SLA class</extracomment>
        <translation>%1 · %2 vCPU · %3 GiB
%4 · %5 · %6</translation>
    </message>
</context>
<context>
    <name>cloudex::models::TradeTapeModel</name>
    <message>
        <source>buy</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>sell</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Time of the trade, UTC</source>
        <translation>Zeitpunkt des Geschäfts, UTC</translation>
    </message>
    <message>
        <source>EUR per instance-hour</source>
        <translation>EUR je Instanzstunde</translation>
    </message>
    <message>
        <source>The side that took liquidity: a buyer lifting an offer or a seller hitting a bid</source>
        <translation>Die Seite, die Liquidität genommen hat: ein Käufer, der ein Angebot annimmt, oder ein Verkäufer, der in ein Gebot verkauft</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Taker</source>
        <translation>Seite</translation>
    </message>
</context>
<context>
    <name>cloudex::models::VmModel</name>
    <message>
        <source>(not placed by CloudEx)</source>
        <translation>(nicht von CloudEx platziert)</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>diskless</source>
        <translation>ohne Festplatte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>vCPU</source>
        <translation>vCPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
</context>
<context>
    <name>cloudex::ui::BuyWorkspace</name>
    <message>
        <source>Buy</source>
        <translation>Kaufen</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Support response</source>
        <translation>Support-Reaktionszeit</translation>
    </message>
    <message>
        <source>Service credits</source>
        <translation>Gutschriften</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>No contracts</source>
        <translation>Keine Verträge</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>expiring</source>
        <translation>läuft ab</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>&amp;lt;%1: %2 %</source>
        <translation>&amp;lt;%1: %2 %</translation>
    </message>
    <message>
        <source>Hold contracts with sellers and run VMs under them, all in one pane.</source>
        <translation>Verträge mit Verkäufern halten und VMs darunter betreiben, alles in einer Ansicht.</translation>
    </message>
    <message>
        <source>&amp;Deploy…</source>
        <translation>&amp;Bereitstellen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>No exchange is connected, so there is nothing to buy from yet. The SLA classes in the inspector are what every seller that lists a product commits to.</source>
        <translation>Keine Börse verbunden, daher gibt es noch nichts zu kaufen. Die SLA-Klassen im Inspektor sind das, wozu sich jeder Verkäufer eines Produkts verpflichtet.</translation>
    </message>
    <message>
        <source>A contract appears here when one of your orders trades. The desk then fetches its certificate by itself, and you deploy VMs at the seller&apos;s site from the pane below.</source>
        <translation>Ein Vertrag erscheint hier, sobald eine Ihrer Orders handelt. Der Desk holt dann selbst sein Zertifikat, und Sie stellen VMs am Standort des Verkäufers in der Ansicht unten bereit.</translation>
    </message>
    <message>
        <source>Contract terms</source>
        <translation>Vertragsbedingungen</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Filter VMs</source>
        <translation>VMs filtern</translation>
    </message>
    <message>
        <source>Filter by name, seller, site, contract, state…</source>
        <translation>Nach Name, Verkäufer, Standort, Vertrag, Status filtern…</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Verkäufer</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Tenancy</source>
        <translation>Mandantenmodell</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>Gruppierung</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>Keine Gruppierung</translation>
    </message>
    <message>
        <source>Group by seller</source>
        <translation>Nach Verkäufer gruppieren</translation>
    </message>
    <message>
        <source>Group by contract</source>
        <translation>Nach Vertrag gruppieren</translation>
    </message>
    <message>
        <source>Deploy VMs on the selected contract</source>
        <translation>VMs auf dem gewählten Vertrag bereitstellen</translation>
    </message>
    <message>
        <source>Create VMs on the selected contract at its seller&apos;s site</source>
        <translation>VMs auf dem gewählten Vertrag am Standort des Verkäufers anlegen</translation>
    </message>
    <message>
        <source>Deployment progress</source>
        <translation>Fortschritt der Bereitstellung</translation>
    </message>
    <message>
        <source>Cancel the deployment</source>
        <translation>Bereitstellung abbrechen</translation>
    </message>
    <message>
        <source>VMs at every seller</source>
        <translation>VMs bei allen Verkäufern</translation>
    </message>
    <message>
        <source>No VMs yet</source>
        <translation>Noch keine VMs</translation>
    </message>
    <message>
        <source>Select a contract with room left and choose Deploy… to create VMs at its seller&apos;s site. Every VM under every contract shows here, live.</source>
        <translation>Wählen Sie einen Vertrag mit freiem Volumen und dann Bereitstellen…, um VMs am Standort des Verkäufers anzulegen. Jede VM unter jedem Vertrag erscheint hier, live.</translation>
    </message>
    <message>
        <source>%1 does not answer (%2); its VMs are shown as last reported.</source>
        <translation>%1 antwortet nicht (%2); seine VMs werden wie zuletzt gemeldet gezeigt.</translation>
    </message>
    <message>
        <source>Only VMs of a %1</source>
        <translation>Nur VMs mit bestimmtem Wert: %1</translation>
    </message>
    <message>
        <source>Show only some values of %1</source>
        <translation>Nur einige Werte von %1 zeigen</translation>
    </message>
    <message>
        <source>No values yet</source>
        <translation>Noch keine Werte</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s)</source>
        <translation>
            <numerusform>%n VM</numerusform>
            <numerusform>%n VMs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n VM(s)</source>
        <translation>
            <numerusform>%1 von %n VM</numerusform>
            <numerusform>%1 von %n VMs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 vCPU · %3 GiB · EUR %4 so far</source>
        <translation>%1 · %2 vCPU · %3 GiB · bisher %4 EUR</translation>
    </message>
    <message>
        <source>Select a contract to deploy on</source>
        <translation>Wählen Sie einen Vertrag für die Bereitstellung</translation>
    </message>
    <message>
        <source>Contract %1 has no usable certificate or site yet</source>
        <translation>Vertrag %1 hat noch kein nutzbares Zertifikat oder keinen Standort</translation>
    </message>
    <message>
        <source>Contract %1 has no volume left</source>
        <translation>Vertrag %1 hat kein freies Volumen mehr</translation>
    </message>
    <message>
        <source>Create VMs on contract %1 at its seller&apos;s site</source>
        <translation>VMs auf Vertrag %1 am Standort des Verkäufers anlegen</translation>
    </message>
    <message>
        <source>Select a contract to see its frozen terms. Every seller that lists a product commits to its SLA class:</source>
        <translation>Wählen Sie einen Vertrag, um seine festgeschriebenen Bedingungen zu sehen. Jeder Verkäufer eines Produkts verpflichtet sich zu dessen SLA-Klasse:</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>below %1: %2 % credit&lt;br&gt;</source>
        <translation>unter %1: %2 % Gutschrift&lt;br&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%1 from %2 · %n instance(s) at EUR %3 per instance-hour</source>
        <translation>
            <numerusform>%1 von %2 · %n Instanz zu %3 EUR je Instanzstunde</numerusform>
            <numerusform>%1 von %2 · %n Instanzen zu %3 EUR je Instanzstunde</numerusform>
        </translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Your order</source>
        <translation>Ihre Order</translation>
    </message>
    <message>
        <source>SLA class</source>
        <translation>SLA-Klasse</translation>
    </message>
    <message>
        <source>Governing law</source>
        <translation>Anwendbares Recht</translation>
    </message>
    <message>
        <source>jurisdictions: %1</source>
        <translation>Rechtsräume: %1</translation>
    </message>
    <message>
        <source>Legal terms version</source>
        <translation>Version der Rechtsbedingungen</translation>
    </message>
    <message>
        <source>Certifications</source>
        <translation>Zertifizierungen</translation>
    </message>
    <message>
        <source>screened by the exchange</source>
        <translation>von der Börse geprüft</translation>
    </message>
    <message>
        <source>Metadata policy</source>
        <translation>Metadatenrichtlinie</translation>
    </message>
    <message>
        <source>The order carried no requirements beyond the product.</source>
        <translation>Die Order stellte keine Anforderungen über das Produkt hinaus.</translation>
    </message>
    <message>
        <source>Served by site %1 (%2).</source>
        <translation>Bedient von Standort %1 (%2).</translation>
    </message>
    <message>
        <source>No site of the seller serves this contract yet.</source>
        <translation>Noch kein Standort des Verkäufers bedient diesen Vertrag.</translation>
    </message>
    <message>
        <source>Certificate %1, valid until %2.</source>
        <translation>Zertifikat %1, gültig bis %2.</translation>
    </message>
    <message>
        <source>Terminated %1: %2</source>
        <translation>Beendet %1: %2</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top…</source>
        <translation>S&amp;toppen…</translation>
    </message>
    <message>
        <source>&amp;Reboot…</source>
        <translation>&amp;Neu starten…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Managed in the Sell workspace</source>
        <translation>Wird im Arbeitsbereich Verkaufen verwaltet</translation>
    </message>
    <message>
        <source>Deploy on %1…</source>
        <translation>Auf %1 bereitstellen…</translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation>%1 gestartet</translation>
    </message>
    <message>
        <source>Stop VM</source>
        <translation>VM stoppen</translation>
    </message>
    <message>
        <source>Stop %1 at %2? The guest is asked to shut down and is powered off after a minute; whatever it has not saved is lost.</source>
        <translation>%1 bei %2 stoppen? Das Gastsystem wird zum Herunterfahren aufgefordert und nach einer Minute ausgeschaltet; was es nicht gespeichert hat, geht verloren.</translation>
    </message>
    <message>
        <source>%1 stopped</source>
        <translation>%1 gestoppt</translation>
    </message>
    <message>
        <source>Reboot VM</source>
        <translation>VM neu starten</translation>
    </message>
    <message>
        <source>Reboot %1 at %2? Whatever the guest holds only in memory is lost.</source>
        <translation>%1 bei %2 neu starten? Was das Gastsystem nur im Arbeitsspeicher hält, geht verloren.</translation>
    </message>
    <message>
        <source>%1 rebooted</source>
        <translation>%1 neu gestartet</translation>
    </message>
    <message>
        <source>Delete VM</source>
        <translation>VM löschen</translation>
    </message>
    <message>
        <source>Delete %1 at %2? The VM is destroyed and its disk deleted: its data cannot be recovered. Its slot in contract %3 becomes free.</source>
        <translation>%1 bei %2 löschen? Die VM wird zerstört und ihre Festplatte gelöscht: Ihre Daten lassen sich nicht wiederherstellen. Ihr Platz in Vertrag %3 wird frei.</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>%1… %2 %</source>
        <translation>%1… %2 %</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Asking %1 for its templates…</source>
        <translation>Frage %1 nach seinen Vorlagen…</translation>
    </message>
    <message>
        <source>Cannot deploy on %1: %2</source>
        <translation>Bereitstellung auf %1 nicht möglich: %2</translation>
    </message>
    <message numerus="yes">
        <source>Deploying %n VM(s) on %1 at its site…</source>
        <translation>
            <numerusform>Stelle %n VM auf %1 an seinem Standort bereit…</numerusform>
            <numerusform>Stelle %n VMs auf %1 an seinem Standort bereit…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deployed %n VM(s) on %1.</source>
        <translation>
            <numerusform>%n VM auf %1 bereitgestellt.</numerusform>
            <numerusform>%n VMs auf %1 bereitgestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 VMs deployed on %3; %4</source>
        <translation>%1 von %2 VMs auf %3 bereitgestellt; %4</translation>
    </message>
    <message>
        <source>Chargeback</source>
        <translation>Verrechnung</translation>
    </message>
    <message>
        <source>Contracts and VMs</source>
        <translation>Verträge und VMs</translation>
    </message>
    <message>
        <source>Sourcing strategy</source>
        <translation>Beschaffungsstrategie</translation>
    </message>
    <message>
        <source>SLA profiles</source>
        <translation>SLA-Profile</translation>
    </message>
    <message>
        <source>Bought under the SLA profile &quot;%1&quot;</source>
        <translation>Gekauft unter dem SLA-Profil „%1“</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>weicht ab</translation>
    </message>
    <message>
        <source>The contract meets every term of the profile.</source>
        <translation>Der Vertrag erfüllt jede Bedingung des Profils.</translation>
    </message>
    <message numerus="yes">
        <source>%n term(s) differ from the profile.</source>
        <translation>
            <numerusform>%n Bedingung weicht vom Profil ab.</numerusform>
            <numerusform>%n Bedingungen weichen vom Profil ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your identity (%1) may not deploy: VMs need the deploy permission, which your organisation&apos;s administrator grants.</source>
        <translation>Ihre Identität (%1) darf nicht bereitstellen: VMs brauchen die Berechtigung deploy, die die Administration Ihrer Organisation vergibt.</translation>
    </message>
</context>
<context>
    <name>cloudex::ui::CandleChart</name>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Letzter</translation>
    </message>
    <message numerus="yes">
        <source>%n candle(s) from %1 to %2; last: open %3, high %4, low %5, close %6 EUR</source>
        <translation>
            <numerusform>%n Kerze von %1 bis %2; letzte: Eröffnung %3, Hoch %4, Tief %5, Schluss %6 EUR</numerusform>
            <numerusform>%n Kerzen von %1 bis %2; letzte: Eröffnung %3, Hoch %4, Tief %5, Schluss %6 EUR</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::ui::ChargebackPage</name>
    <message>
        <source>Fixed %1 EUR/h</source>
        <translation>Fest %1 EUR/h</translation>
    </message>
    <message>
        <source>Cost plus %1</source>
        <translation>Kosten plus %1</translation>
    </message>
    <message>
        <source>Spot %1</source>
        <translation>Spot %1</translation>
    </message>
    <message>
        <source>floor %1</source>
        <translation>Untergrenze %1</translation>
    </message>
    <message>
        <source>cap %1</source>
        <translation>Obergrenze %1</translation>
    </message>
    <message>
        <source>&amp;Collect usage</source>
        <translation>Nutzung &amp;abrufen</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Month (EUR)</source>
        <translation>Monat (EUR)</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Price (EUR/h)</source>
        <translation>Preis (EUR/h)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>C&amp;lear override</source>
        <translation>Abweichung &amp;aufheben</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Rate (EUR/h)</source>
        <translation>Satz (EUR/h)</translation>
    </message>
    <message>
        <source>Amount (EUR)</source>
        <translation>Betrag (EUR)</translation>
    </message>
    <message>
        <source>Cost (EUR)</source>
        <translation>Kosten (EUR)</translation>
    </message>
    <message>
        <source>Margin (EUR)</source>
        <translation>Marge (EUR)</translation>
    </message>
    <message>
        <source>Month of the statements</source>
        <translation>Monat der Abrechnungen</translation>
    </message>
    <message>
        <source>Read every bought contract&apos;s usage from its site and the month&apos;s spot prices from the exchange.</source>
        <translation>Die Nutzung jedes gekauften Vertrags von seinem Standort und die Spotpreise des Monats von der Börse lesen.</translation>
    </message>
    <message>
        <source>Charge per customer and day</source>
        <translation>Betrag je Kunde und Tag</translation>
    </message>
    <message>
        <source>M&amp;onth:</source>
        <translation>M&amp;onat:</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Contracts (default customer)</source>
        <translation>Verträge (Standardkunde)</translation>
    </message>
    <message>
        <source>VM overrides</source>
        <translation>Abweichende VMs</translation>
    </message>
    <message>
        <source>Charge a VM to another customer from its menu in Resources.</source>
        <translation>Eine VM über ihr Menü unter Ressourcen einem anderen Kunden berechnen.</translation>
    </message>
    <message>
        <source>Export statements</source>
        <translation>Abrechnungen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>%1 exportiert.</translation>
    </message>
    <message>
        <source>Customer of %1</source>
        <translation>Kunde von %1</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— keiner —</translation>
    </message>
    <message>
        <source>Add a customer, then assign contracts to it: its statement shows here.</source>
        <translation>Legen Sie einen Kunden an und ordnen Sie ihm Verträge zu: Seine Abrechnung erscheint hier.</translation>
    </message>
    <message>
        <source>Statement of %1 for %2</source>
        <translation>Abrechnung von %1 für %2</translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s), %1 instance-hours: %2 EUR charged, %3 EUR contract cost, margin %4 EUR.</source>
        <translation>
            <numerusform>%n VM, %1 Instanzstunden: %2 EUR berechnet, %3 EUR Vertragskosten, Marge %4 EUR.</numerusform>
            <numerusform>%n VMs, %1 Instanzstunden: %2 EUR berechnet, %3 EUR Vertragskosten, Marge %4 EUR.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s) with usage have no customer.</source>
        <translation>
            <numerusform>%n VM mit Nutzung hat keinen Kunden.</numerusform>
            <numerusform>%n VMs mit Nutzung haben keinen Kunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage of %1 is not charged: the contract&apos;s price is not known.</source>
        <translation>Die Nutzung von %1 wird nicht berechnet: Der Vertragspreis ist nicht bekannt.</translation>
    </message>
    <message>
        <source>Day of %1</source>
        <translation>Tag im %1</translation>
    </message>
    <message>
        <source>EUR per day</source>
        <translation>EUR je Tag</translation>
    </message>
    <message>
        <source>Customer %1 added.</source>
        <translation>Kunde %1 angelegt.</translation>
    </message>
    <message>
        <source>Customer %1 saved.</source>
        <translation>Kunde %1 gespeichert.</translation>
    </message>
    <message>
        <source>Remove customer</source>
        <translation>Kunden entfernen</translation>
    </message>
    <message>
        <source>Remove customer %1 and its plan?</source>
        <translation>Kunden %1 und seinen Plan entfernen?</translation>
    </message>
    <message>
        <source>Customer %1 removed.</source>
        <translation>Kunde %1 entfernt.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>C&amp;harge to</source>
        <translation>&amp;Berechnen an</translation>
    </message>
    <message>
        <source>The contract&apos;s customer</source>
        <translation>Kunde des Vertrags</translation>
    </message>
    <message>
        <source>No exchange is connected: the statements use the usage collected before.</source>
        <translation>Keine Börse verbunden: Die Abrechnungen nutzen die zuvor abgerufene Nutzung.</translation>
    </message>
    <message numerus="yes">
        <source>Collecting usage from %n site(s)…</source>
        <translation>
            <numerusform>Nutzung wird von %n Standort abgerufen…</numerusform>
            <numerusform>Nutzung wird von %n Standorten abgerufen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Usage collected; %n request(s) failed, their earlier data is used.</source>
        <translation>
            <numerusform>Nutzung abgerufen; %n Abfrage schlug fehl, ihre früheren Daten werden genutzt.</numerusform>
            <numerusform>Nutzung abgerufen; %n Abfragen schlugen fehl, ihre früheren Daten werden genutzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage collected.</source>
        <translation>Nutzung abgerufen.</translation>
    </message>
    <message>
        <source>Double-click a contract&apos;s customer to change it.</source>
        <translation>Doppelklicken Sie auf den Kunden eines Vertrags, um ihn zu ändern.</translation>
    </message>
    <message>
        <source>Computing the statements of %1…</source>
        <translation>Die Abrechnungen für %1 werden berechnet…</translation>
    </message>
    <message numerus="yes">
        <source>%n other customer(s)</source>
        <translation>
            <numerusform>%n weiterer Kunde</numerusform>
            <numerusform>%n weitere Kunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::ui::CustomerDialog</name>
    <message>
        <source>Edit customer</source>
        <translation>Kunden bearbeiten</translation>
    </message>
    <message>
        <source>Add customer</source>
        <translation>Kunden anlegen</translation>
    </message>
    <message>
        <source>for example cc-4711</source>
        <translation>zum Beispiel cc-4711</translation>
    </message>
    <message>
        <source>Fixed per instance-hour</source>
        <translation>Fest je Instanzstunde</translation>
    </message>
    <message>
        <source>Cost plus markup</source>
        <translation>Kosten plus Aufschlag</translation>
    </message>
    <message>
        <source>Spot-linked</source>
        <translation>Spotgebunden</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>&amp;ID:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>&amp;Plan:</translation>
    </message>
    <message>
        <source>&amp;Rate (EUR per instance-hour):</source>
        <translation>&amp;Satz (EUR je Instanzstunde):</translation>
    </message>
    <message>
        <source>&amp;Markup:</source>
        <translation>&amp;Aufschlag:</translation>
    </message>
    <message>
        <source>&amp;Floor (EUR per instance-hour):</source>
        <translation>&amp;Untergrenze (EUR je Instanzstunde):</translation>
    </message>
    <message>
        <source>&amp;Cap (EUR per instance-hour):</source>
        <translation>&amp;Obergrenze (EUR je Instanzstunde):</translation>
    </message>
    <message>
        <source>Type an amount in EUR with at most four decimals, for example 0.2500.</source>
        <translation>Geben Sie einen Betrag in EUR mit höchstens vier Nachkommastellen ein, zum Beispiel 0,2500.</translation>
    </message>
</context>
<context>
    <name>cloudex::ui::DemandChart</name>
    <message>
        <source>Drag with the left mouse button to draw the demand, a day at a time</source>
        <translation>Mit gedrückter linker Maustaste den Bedarf zeichnen, tageweise</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>Bedarf</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Lücke</translation>
    </message>
    <message>
        <source>Over-coverage</source>
        <translation>Überdeckung</translation>
    </message>
    <message numerus="yes">
        <source>Demand: %1 instance-hours over %n hour(s).</source>
        <translation>
            <numerusform>Bedarf: %1 Instanzstunden über %n Stunde.</numerusform>
            <numerusform>Bedarf: %1 Instanzstunden über %n Stunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Demand: %1 instance-hours, %2 covered; %3 hour(s) with a gap, %4 over-covered.</source>
        <translation>Bedarf: %1 Instanzstunden, %2 gedeckt; %3 Stunde(n) mit Lücke, %4 überdeckt.</translation>
    </message>
</context>
<context>
    <name>cloudex::ui::ForwardCurveChart</name>
    <message>
        <source>Bid</source>
        <translation>Geld</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>No product selected</source>
        <translation>Kein Produkt ausgewählt</translation>
    </message>
    <message>
        <source>%1: no delivery periods open</source>
        <translation>%1: keine Lieferperioden offen</translation>
    </message>
    <message>
        <source>Forward curve of %1</source>
        <translation>Terminkurve von %1</translation>
    </message>
    <message>
        <source>%1: no trades or quotes yet in the open periods</source>
        <translation>%1: noch keine Geschäfte oder Kurse in den offenen Perioden</translation>
    </message>
    <message numerus="yes">
        <source>Forward curve of %1: %n period(s) with prices between %2 and %3 EUR</source>
        <translation>
            <numerusform>Terminkurve von %1: %n Periode mit Preisen zwischen %2 und %3 EUR</numerusform>
            <numerusform>Terminkurve von %1: %n Perioden mit Preisen zwischen %2 und %3 EUR</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::ui::MainWindow</name>
    <message>
        <source>CloudEx</source>
        <translation>CloudEx</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Kaufen</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Verkaufen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Market</source>
        <translation>&amp;Markt</translation>
    </message>
    <message>
        <source>&amp;Buy</source>
        <translation>&amp;Kaufen</translation>
    </message>
    <message>
        <source>&amp;Sell</source>
        <translation>&amp;Verkaufen</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About CloudEx</source>
        <translation>Ü&amp;ber CloudEx</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Exchange: not connected</source>
        <translation>Börse: nicht verbunden</translation>
    </message>
    <message>
        <source>Identity: none</source>
        <translation>Identität: keine</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>Daten: %1</translation>
    </message>
    <message>
        <source>About CloudEx</source>
        <translation>Über CloudEx</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CloudEx %1&lt;/h3&gt;&lt;p&gt;The desk for trading IaaS capacity like electricity and running the VMs it buys.&lt;/p&gt;&lt;p&gt;Data directory: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CloudEx %1&lt;/h3&gt;&lt;p&gt;Der Arbeitsplatz, um IaaS-Kapazität wie Strom zu handeln und die gekauften VMs zu betreiben.&lt;/p&gt;&lt;p&gt;Datenverzeichnis: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Demo market: simulated participants</source>
        <translation>Demo-Markt: simulierte Teilnehmer</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>verbinde erneut…</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>Exchange: %1 (%2)</source>
        <translation>Börse: %1 (%2)</translation>
    </message>
    <message>
        <source>Identity: %1 of %2</source>
        <translation>Identität: %1 von %2</translation>
    </message>
    <message>
        <source>Exchange: %1 (takes no orders: its journal failed)</source>
        <translation>Börse: %1 (nimmt keine Aufträge an: ihr Journal ist ausgefallen)</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Arbeitsbereiche</translation>
    </message>
    <message>
        <source>own site</source>
        <translation>eigener Standort</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Benutzer</translation>
    </message>
</context>
<context>
    <name>cloudex::ui::MarketWorkspace</name>
    <message>
        <source>Any</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <source>Standard capacity products, traded per instance-hour in EUR.</source>
        <translation>Standardisierte Kapazitätsprodukte, gehandelt pro Instanzstunde in EUR.</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>C&amp;lass:</source>
        <translation>K&amp;lasse:</translation>
    </message>
    <message>
        <source>&amp;Tenancy:</source>
        <translation>&amp;Trennung:</translation>
    </message>
    <message>
        <source>S&amp;LA:</source>
        <translation>S&amp;LA:</translation>
    </message>
    <message>
        <source>Delivery periods open for trading</source>
        <translation>Handelbare Lieferzeiträume</translation>
    </message>
    <message>
        <source>No product selected</source>
        <translation>Kein Produkt ausgewählt</translation>
    </message>
    <message>
        <source>Products: %1</source>
        <translation>Produkte: %1</translation>
    </message>
    <message>
        <source>My orders (%1)</source>
        <translation>Aufträge (%1)</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>Forward curve</source>
        <translation>Terminkurve</translation>
    </message>
    <message>
        <source>My orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>My fills</source>
        <translation>Ausführungen</translation>
    </message>
    <message>
        <source>&amp;Cancel order</source>
        <translation>Auftrag &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>Ä&amp;ndern…</translation>
    </message>
    <message>
        <source>Order book</source>
        <translation>Orderbuch</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>Geschäfte</translation>
    </message>
    <message>
        <source>No exchange is connected, so there are no order books or prices. The products below are the exchange&apos;s standard catalogue with the delivery periods it lists.</source>
        <translation>Keine Börse ist verbunden, daher gibt es keine Orderbücher und Preise. Die Produkte unten sind der Standardkatalog der Börse mit den Lieferperioden, die sie listet.</translation>
    </message>
    <message>
        <source>The connection to the exchange was lost; reconnecting. Prices shown may be stale.</source>
        <translation>Die Verbindung zur Börse ist abgerissen; sie wird wiederhergestellt. Angezeigte Preise können veraltet sein.</translation>
    </message>
    <message>
        <source>Connecting to the exchange…</source>
        <translation>Verbinde mit der Börse…</translation>
    </message>
    <message>
        <source>Demo market: the other participants are simulated traders on this desk&apos;s embedded exchange. Their orders and trades are not real.</source>
        <translation>Demo-Markt: Die anderen Teilnehmer sind simulierte Händler an der eingebetteten Börse dieses Desks. Ihre Aufträge und Geschäfte sind nicht echt.</translation>
    </message>
    <message>
        <source>Trading needs a connected exchange.</source>
        <translation>Zum Handeln braucht es eine verbundene Börse.</translation>
    </message>
    <message>
        <source>No trades yet in this interval</source>
        <translation>Noch keine Geschäfte in diesem Intervall</translation>
    </message>
    <message>
        <source>No market data</source>
        <translation>Keine Marktdaten</translation>
    </message>
    <message>
        <source>%1, %2 (%3), %4 tenancy; SLA %5: %6 availability, support %7</source>
        <translation>%1, %2 (%3), Mandantentrennung: %4; SLA %5: %6 Verfügbarkeit, Support %7</translation>
    </message>
    <message>
        <source>No instrument selected</source>
        <translation>Kein Instrument ausgewählt</translation>
    </message>
    <message>
        <source>Spot %1 EUR</source>
        <translation>Spot %1 EUR</translation>
    </message>
    <message>
        <source>Spot index of %1: volume-weighted price of its front hour over the last five minutes</source>
        <translation>Spot-Index von %1: volumengewichteter Preis der vordersten Stunde über die letzten fünf Minuten</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Order %1 accepted, %n trade(s).</source>
        <translation>
            <numerusform>Auftrag %1 angenommen, %n Geschäft.</numerusform>
            <numerusform>Auftrag %1 angenommen, %n Geschäfte.</numerusform>
        </translation>
    </message>
    <message>
        <source>Order %1 accepted.</source>
        <translation>Auftrag %1 angenommen.</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Auftrag löschen</translation>
    </message>
    <message>
        <source>Cancel order %1?</source>
        <translation>Auftrag %1 löschen?</translation>
    </message>
    <message>
        <source>Order %1 cancelled.</source>
        <translation>Auftrag %1 gelöscht.</translation>
    </message>
    <message>
        <source>Cancel refused: %1</source>
        <translation>Löschen abgelehnt: %1</translation>
    </message>
    <message>
        <source>Order %1 replaced.</source>
        <translation>Auftrag %1 geändert.</translation>
    </message>
    <message>
        <source>Replace refused: %1</source>
        <translation>Ändern abgelehnt: %1</translation>
    </message>
    <message>
        <source>My contracts (%1)</source>
        <translation>Verträge (%1)</translation>
    </message>
    <message>
        <source>My contracts</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>Spot: –</source>
        <translation>Spot: –</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Spot price</source>
        <translation>Spotpreis</translation>
    </message>
    <message>
        <source>My open orders</source>
        <translation>Meine offenen Aufträge</translation>
    </message>
    <message>
        <source>Trade tape</source>
        <translation>Umsatzliste</translation>
    </message>
    <message>
        <source>Products with their spot index, its change over 24 hours and the instance-hours traded; click a column header to sort</source>
        <translation>Produkte mit Spotindex, seiner Änderung über 24 Stunden und den gehandelten Instanzstunden; zum Sortieren auf eine Spaltenüberschrift klicken</translation>
    </message>
    <message>
        <source>&amp;Only with prices</source>
        <translation>&amp;Nur mit Preisen</translation>
    </message>
    <message numerus="yes">
        <source>%n open period(s) without a bid, ask or last price hidden</source>
        <translation>
            <numerusform>%n offene Periode ohne Geld-, Brief- oder letzten Preis ausgeblendet</numerusform>
            <numerusform>%n offene Perioden ohne Geld-, Brief- oder letzten Preis ausgeblendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Periods without a bid, ask or last price are hidden while the product has any with prices</source>
        <translation>Perioden ohne Geld-, Brief- oder letzten Preis werden ausgeblendet, solange das Produkt welche mit Preisen hat</translation>
    </message>
    <message>
        <source>Candle interval</source>
        <translation>Kerzenintervall</translation>
    </message>
    <message>
        <source>Cancel a&amp;ll…</source>
        <translation>A&amp;lle stornieren…</translation>
    </message>
    <message>
        <source>Cancel every open order of yours, after a confirmation</source>
        <translation>Alle Ihre offenen Orders stornieren, nach einer Rückfrage</translation>
    </message>
    <message>
        <source>%1 %2 × %3 at %4 EUR</source>
        <translation>%1 %2 × %3 zu %4 EUR</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Verkauf</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel all %n open order(s)?</source>
        <translation>
            <numerusform>Die %n offene Order stornieren?</numerusform>
            <numerusform>Alle %n offenen Orders stornieren?</numerusform>
        </translation>
    </message>
    <message>
        <source>They leave the book; what has already traded stays bought or sold.</source>
        <translation>Sie verlassen das Orderbuch; bereits Gehandeltes bleibt gekauft oder verkauft.</translation>
    </message>
    <message>
        <source>Cancel all orders</source>
        <translation>Alle Orders stornieren</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) cancelled.</source>
        <translation>
            <numerusform>%n Order storniert.</numerusform>
            <numerusform>%n Orders storniert.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 cancelled; refused: %3</source>
        <translation>%1 von %2 storniert; abgelehnt: %3</translation>
    </message>
    <message>
        <source>Your identity (%1) may not trade: orders need the trade permission, which your organisation&apos;s administrator grants.</source>
        <translation>Ihre Identität (%1) darf nicht handeln: Orders brauchen die Berechtigung trade, die die Administration Ihrer Organisation vergibt.</translation>
    </message>
</context>
<context>
    <name>cloudex::ui::OfferLoadChart</name>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Contracted</source>
        <translation>Kontrahiert</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Angeboten</translation>
    </message>
    <message>
        <source>Capacity against contracted and asked instances per delivery period</source>
        <translation>Kapazität gegen kontrahierte und angebotene Instanzen je Lieferperiode</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
</context>
<context>
    <name>cloudex::ui::OrderTicket</name>
    <message>
        <source>Order ticket</source>
        <translation>Orderticket</translation>
    </message>
    <message>
        <source>Post only</source>
        <translation>Nur passiv</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <source>Good till cancelled</source>
        <translation>Gültig bis Löschung</translation>
    </message>
    <message>
        <source>Good till date</source>
        <translation>Gültig bis Datum</translation>
    </message>
    <message>
        <source>Immediate or cancel</source>
        <translation>Sofort oder löschen</translation>
    </message>
    <message>
        <source>Fill or kill</source>
        <translation>Ganz oder gar nicht</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Anforderungen</translation>
    </message>
    <message>
        <source>What the counterparty must offer: jurisdiction, certifications, metadata policy</source>
        <translation>Was die Gegenpartei bieten muss: Rechtsraum, Zertifizierungen, Metadaten-Richtlinie</translation>
    </message>
    <message>
        <source>any, or e.g. DE, FR</source>
        <translation>beliebig, oder z. B. DE, FR</translation>
    </message>
    <message>
        <source>none, or e.g. ISO27001, C5</source>
        <translation>keine, oder z. B. ISO27001, C5</translation>
    </message>
    <message>
        <source>any metadata policy</source>
        <translation>beliebige Metadaten-Richtlinie</translation>
    </message>
    <message>
        <source>Jurisdictions:</source>
        <translation>Rechtsräume:</translation>
    </message>
    <message>
        <source>Certifications:</source>
        <translation>Zertifizierungen:</translation>
    </message>
    <message>
        <source>Metadata policies:</source>
        <translation>Metadaten-Richtlinien:</translation>
    </message>
    <message>
        <source>Side, type:</source>
        <translation>Seite, Art:</translation>
    </message>
    <message>
        <source>Price (EUR):</source>
        <translation>Preis (EUR):</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Menge:</translation>
    </message>
    <message>
        <source>Validity:</source>
        <translation>Gültigkeit:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>none selected</source>
        <translation>keines ausgewählt</translation>
    </message>
    <message>
        <source>Buy…</source>
        <translation>Kaufen…</translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation>Verkaufen…</translation>
    </message>
    <message>
        <source>Choose an instrument first.</source>
        <translation>Wählen Sie zuerst ein Instrument.</translation>
    </message>
    <message>
        <source>Enter the price in EUR with at most four decimals, for example 0.1250.</source>
        <translation>Geben Sie den Preis in EUR mit höchstens vier Nachkommastellen ein, zum Beispiel 0.1250.</translation>
    </message>
    <message>
        <source>at %1 EUR per instance-hour</source>
        <translation>zu %1 EUR je Instanzstunde</translation>
    </message>
    <message>
        <source>at the market</source>
        <translation>zum Marktpreis</translation>
    </message>
    <message>
        <source>Confirm order</source>
        <translation>Auftrag bestätigen</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>Nicht gesendet.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sende…</translation>
    </message>
    <message>
        <source>The instrument orders from this ticket go to</source>
        <translation>Das Instrument, an das Aufträge aus diesem Ticket gehen</translation>
    </message>
    <message>
        <source>Only rest in the book: the exchange refuses the order if it would trade at once</source>
        <translation>Nur ins Orderbuch stellen: die Börse lehnt den Auftrag ab, wenn er sofort ausgeführt würde</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s)</source>
        <translation>
            <numerusform>%n Instanz</numerusform>
            <numerusform>%n Instanzen</numerusform>
        </translation>
    </message>
    <message>
        <source>Buy %1 of %2 %3 (%4)?</source>
        <translation>%1 von %2 %3 kaufen (%4)?</translation>
    </message>
    <message>
        <source>Sell %1 of %2 %3 (%4)?</source>
        <translation>%1 von %2 %3 verkaufen (%4)?</translation>
    </message>
    <message numerus="yes">
        <source>Delivery: %1 to %2 (%n hour(s))</source>
        <translation>
            <numerusform>Lieferung: %1 bis %2 (%n Stunde)</numerusform>
            <numerusform>Lieferung: %1 bis %2 (%n Stunden)</numerusform>
        </translation>
    </message>
    <message>
        <source>Worst price: %1 EUR per instance-hour (the price band&apos;s %2)</source>
        <translation>Ungünstigster Preis: %1 EUR je Instanzstunde (%2 des Preisbands)</translation>
    </message>
    <message>
        <source>top</source>
        <translation>Obergrenze</translation>
    </message>
    <message>
        <source>bottom</source>
        <translation>Untergrenze</translation>
    </message>
    <message numerus="yes">
        <source>Total at most %1 EUR (%2 × %n hour(s) × %3 EUR)</source>
        <translation>
            <numerusform>Gesamt höchstens %1 EUR (%2 × %n Stunde × %3 EUR)</numerusform>
            <numerusform>Gesamt höchstens %1 EUR (%2 × %n Stunden × %3 EUR)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total at least %1 EUR (%2 × %n hour(s) × %3 EUR)</source>
        <translation>
            <numerusform>Gesamt mindestens %1 EUR (%2 × %n Stunde × %3 EUR)</numerusform>
            <numerusform>Gesamt mindestens %1 EUR (%2 × %n Stunden × %3 EUR)</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. 0.1250</source>
        <translation>z. B. 0,1250</translation>
    </message>
    <message>
        <source>Price in EUR per instance-hour, at most four decimals</source>
        <translation>Preis in EUR je Instanzstunde, höchstens vier Nachkommastellen</translation>
    </message>
    <message numerus="yes">
        <source> instance(s)</source>
        <translation>
            <numerusform> Instanz</numerusform>
            <numerusform> Instanzen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requirements (%n)</source>
        <translation>
            <numerusform>Anforderungen (%n)</numerusform>
            <numerusform>Anforderungen (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Counterparty must offer: %1</source>
        <translation>Gegenpartei muss bieten: %1</translation>
    </message>
    <message>
        <source>An SLA profile fills the counterparty requirements; the order remembers it</source>
        <translation>Ein SLA-Profil füllt die Anforderungen an die Gegenpartei; die Order merkt es sich</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>SLA profile:</source>
        <translation>SLA-Profil:</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Keine Vorschau: %1</translation>
    </message>
    <message>
        <source>No preview while the exchange is not connected.</source>
        <translation>Keine Vorschau, solange die Börse nicht verbunden ist.</translation>
    </message>
    <message>
        <source>Asking the exchange what would fill…</source>
        <translation>Frage die Börse, was ausgeführt würde…</translation>
    </message>
    <message>
        <source>The exchange would refuse this order now: %1</source>
        <translation>Die Börse würde diese Order jetzt ablehnen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Nothing of %n instance(s) would fill now.</source>
        <translation>
            <numerusform>Von %n Instanz würde jetzt nichts ausgeführt.</numerusform>
            <numerusform>Von %n Instanzen würde jetzt nichts ausgeführt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fills %1 of %n instance(s) now at %2 EUR average, %3 EUR worst.</source>
        <translation>
            <numerusform>Jetzt %1 von %n Instanz ausgeführt, im Schnitt zu %2 EUR, schlechtestens %3 EUR.</numerusform>
            <numerusform>Jetzt %1 von %n Instanzen ausgeführt, im Schnitt zu %2 EUR, schlechtestens %3 EUR.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outside the required jurisdictions</source>
        <translation>
            <numerusform>%n außerhalb der verlangten Rechtsräume</numerusform>
            <numerusform>%n außerhalb der verlangten Rechtsräume</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing a required certification</source>
        <translation>
            <numerusform>%n ohne eine verlangte Zertifizierung</numerusform>
            <numerusform>%n ohne eine verlangte Zertifizierung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n under another metadata policy</source>
        <translation>
            <numerusform>%n unter einer anderen Metadaten-Richtlinie</numerusform>
            <numerusform>%n unter einer anderen Metadaten-Richtlinie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n excluded by a seller&apos;s allow-list</source>
        <translation>
            <numerusform>%n durch die Freigabeliste eines Verkäufers ausgeschlossen</numerusform>
            <numerusform>%n durch die Freigabeliste eines Verkäufers ausgeschlossen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n your own, which would be cancelled</source>
        <translation>
            <numerusform>%n eigene, die gestrichen würde</numerusform>
            <numerusform>%n eigene, die gestrichen würden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n beyond your limit price</source>
        <translation>
            <numerusform>%n jenseits Ihres Limits</numerusform>
            <numerusform>%n jenseits Ihres Limits</numerusform>
        </translation>
    </message>
    <message>
        <source>Passed over: %1.</source>
        <translation>Übergangen: %1.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keines</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Jetzt: %1</translation>
    </message>
    <message>
        <source>SLA profile: %1</source>
        <translation>SLA-Profil: %1</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>cloudex::ui::SellWorkspace</name>
    <message>
        <source>Sell</source>
        <translation>Verkaufen</translation>
    </message>
    <message>
        <source>Offer your data centre&apos;s capacity and run buyers&apos; VMs under contract.</source>
        <translation>Die Kapazität Ihres Rechenzentrums anbieten und die VMs der Käufer unter Vertrag betreiben.</translation>
    </message>
    <message>
        <source>Hypervisor connections</source>
        <translation>Hypervisor-Verbindungen</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Virtual machines</source>
        <translation>Virtuelle Maschinen</translation>
    </message>
    <message>
        <source>Separation</source>
        <translation>Trennung</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Angebote</translation>
    </message>
    <message>
        <source>The connect agent is not running, so no hypervisor can be connected.</source>
        <translation>Der Connect-Agent läuft nicht, daher kann kein Hypervisor verbunden werden.</translation>
    </message>
    <message>
        <source>qemu+ssh://host/system</source>
        <translation>qemu+ssh://host/system</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Filter by name, tenant, host, template or state</source>
        <translation>Nach Name, Mandant, Host, Vorlage oder Zustand filtern</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>copy name</source>
        <translation>Name der Kopie</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>Klonen</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Verschieben nach</translation>
    </message>
    <message>
        <source>Provision from a template</source>
        <translation>Aus einer Vorlage bereitstellen</translation>
    </message>
    <message>
        <source>tiny · 1 vCPU · 64 MiB</source>
        <translation>winzig · 1 vCPU · 64 MiB</translation>
    </message>
    <message>
        <source>Provision</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <source>Host groups</source>
        <translation>Hostgruppen</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Save group</source>
        <translation>Gruppe speichern</translation>
    </message>
    <message>
        <source>Remove group</source>
        <translation>Gruppe entfernen</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>VMs</source>
        <translation>VMs</translation>
    </message>
    <message>
        <source>id, e.g. acme</source>
        <translation>ID, z. B. acme</translation>
    </message>
    <message>
        <source>display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Add tenant</source>
        <translation>Mandant hinzufügen</translation>
    </message>
    <message>
        <source>Templates (disk images in each host&apos;s template pool)</source>
        <translation>Vorlagen (Festplattenabbilder im Vorlagenpool jedes Hosts)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Size (MiB)</source>
        <translation>Größe (MiB)</translation>
    </message>
    <message>
        <source>Storage pools</source>
        <translation>Speicherpools</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>Free (GiB)</source>
        <translation>Frei (GiB)</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Save offer</source>
        <translation>Angebot speichern</translation>
    </message>
    <message>
        <source>not connected yet</source>
        <translation>noch nicht verbunden</translation>
    </message>
    <message>
        <source>%1 of %2 hosts online · %3 of %4 vCPU and %5 of %6 GiB placed · %7 VMs</source>
        <translation>%1 von %2 Hosts online · %3 von %4 vCPU und %5 von %6 GiB platziert · %7 VMs</translation>
    </message>
    <message>
        <source>diskless</source>
        <translation>ohne Festplatte</translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation>Alle Mandanten</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: erledigt</translation>
    </message>
    <message>
        <source>Placement: host %1.</source>
        <translation>Platzierung: Host %1.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>No operation running</source>
        <translation>Kein Vorgang läuft</translation>
    </message>
    <message>
        <source>Progress of the running operation</source>
        <translation>Fortschritt des laufenden Vorgangs</translation>
    </message>
    <message>
        <source>Cancel operation</source>
        <translation>Vorgang abbrechen</translation>
    </message>
    <message>
        <source>Show the VMs of tenant</source>
        <translation>VMs dieses Mandanten zeigen</translation>
    </message>
    <message>
        <source>Host to move the VM to</source>
        <translation>Host, auf den die VM verschoben wird</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>T&amp;enant:</source>
        <translation>M&amp;andant:</translation>
    </message>
    <message>
        <source>Se&amp;paration:</source>
        <translation>&amp;Trennung:</translation>
    </message>
    <message>
        <source>Te&amp;mplate:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>&amp;Hosts:</source>
        <translation>&amp;Hosts:</translation>
    </message>
    <message>
        <source>&amp;Tenants:</source>
        <translation>&amp;Mandanten:</translation>
    </message>
    <message>
        <source>Product to offer</source>
        <translation>Anzubietendes Produkt</translation>
    </message>
    <message>
        <source>Instances to reserve</source>
        <translation>Zu reservierende Instanzen</translation>
    </message>
    <message>
        <source>workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>test driver</source>
        <translation>Testtreiber</translation>
    </message>
    <message>
        <source>QEMU over SSH</source>
        <translation>QEMU über SSH</translation>
    </message>
    <message>
        <source>QEMU</source>
        <translation>QEMU</translation>
    </message>
    <message>
        <source>(no host yet)</source>
        <translation>(noch kein Host)</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Remove the hypervisor connection %1? The site stops using it.</source>
        <translation>Die Hypervisor-Verbindung %1 entfernen? Der Standort nutzt sie dann nicht mehr.</translation>
    </message>
    <message numerus="yes">
        <source>Remove the hypervisor connection %1? Its %n host(s) (%2) leave the site&apos;s inventory and take no new VMs.</source>
        <translation>
            <numerusform>Die Hypervisor-Verbindung %1 entfernen? Ihr %n Host (%2) verlässt den Bestand des Standorts und nimmt keine neuen VMs mehr auf.</numerusform>
            <numerusform>Die Hypervisor-Verbindung %1 entfernen? Ihre %n Hosts (%2) verlassen den Bestand des Standorts und nehmen keine neuen VMs mehr auf.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Delete the running VM %1 of %2? It is powered off at once, and its disk %3 is deleted. This cannot be undone.</source>
        <translation>Die laufende VM %1 von %2 löschen? Sie wird sofort ausgeschaltet und ihre Platte %3 gelöscht. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>no tenant</source>
        <translation>keinem Mandanten</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Delete the VM %1 of %2? Its disk %3 is deleted. This cannot be undone.</source>
        <translation>Die VM %1 von %2 löschen? Ihre Platte %3 wird gelöscht. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete VM</source>
        <translation>VM löschen</translation>
    </message>
    <message numerus="yes">
        <source> instance(s)</source>
        <translation>
            <numerusform> Instanz</numerusform>
            <numerusform> Instanzen</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove tenant</source>
        <translation>Mandant entfernen</translation>
    </message>
    <message>
        <source>Remove the tenant %1 (%2)? The site forgets this customer: it can no longer be chosen for new VMs or host groups until it is added again.</source>
        <translation>Mandant %1 (%2) entfernen? Der Standort vergisst diesen Kunden: Er kann für neue VMs und Hostgruppen nicht mehr gewählt werden, bis er wieder hinzugefügt wird.</translation>
    </message>
    <message>
        <source>Products this site offers: delivery periods, the most it sells per period, and the price</source>
        <translation>Produkte, die dieser Standort anbietet: Lieferperioden, Höchstmenge je Periode und Preis</translation>
    </message>
    <message>
        <source>Cap per period</source>
        <translation>Höchstens je Periode</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Perioden</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>The most the offer sells per delivery period; 0 removes the offer.</source>
        <translation>Höchstmenge, die das Angebot je Lieferperiode verkauft; 0 entfernt das Angebot.</translation>
    </message>
    <message>
        <source>Delivery periods</source>
        <translation>Lieferperioden</translation>
    </message>
    <message>
        <source>Rolling runs of periods: H12 the next twelve hours, D7 the next seven days; empty keeps the offer off the exchange.</source>
        <translation>Rollierende Perioden: H12 die nächsten zwölf Stunden, D7 die nächsten sieben Tage; leer hält das Angebot von der Börse fern.</translation>
    </message>
    <message>
        <source>Price mode</source>
        <translation>Preisart</translation>
    </message>
    <message>
        <source>Spot-linked</source>
        <translation>Am Spot-Index</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Fest</translation>
    </message>
    <message>
        <source>Fixed price in EUR per instance-hour</source>
        <translation>Festpreis in EUR je Instanzstunde</translation>
    </message>
    <message>
        <source>EUR / h</source>
        <translation>EUR / h</translation>
    </message>
    <message>
        <source>Markup on the spot index in basis points</source>
        <translation>Aufschlag auf den Spot-Index in Basispunkten</translation>
    </message>
    <message>
        <source> bp</source>
        <translation> BP</translation>
    </message>
    <message>
        <source>Lowest price in EUR per instance-hour</source>
        <translation>Niedrigster Preis in EUR je Instanzstunde</translation>
    </message>
    <message>
        <source>floor EUR / h</source>
        <translation>Untergrenze EUR / h</translation>
    </message>
    <message>
        <source>Highest price in EUR per instance-hour</source>
        <translation>Höchster Preis in EUR je Instanzstunde</translation>
    </message>
    <message>
        <source>cap EUR / h</source>
        <translation>Obergrenze EUR / h</translation>
    </message>
    <message>
        <source>Offers are not traded: no exchange session.</source>
        <translation>Angebote werden nicht gehandelt: keine Börsensitzung.</translation>
    </message>
    <message>
        <source>Live asks of the offers</source>
        <translation>Aktive Verkaufsorders der Angebote</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Price (EUR / h)</source>
        <translation>Preis (EUR / h)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Live asks</source>
        <translation>Aktive Orders</translation>
    </message>
    <message>
        <source>Capacity per period</source>
        <translation>Kapazität je Periode</translation>
    </message>
    <message>
        <source>The site&apos;s contracts by buyer</source>
        <translation>Die Verträge des Standorts nach Käufer</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Käufer</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Gefährdet</translation>
    </message>
    <message>
        <source>Contracts by buyer</source>
        <translation>Verträge nach Käufer</translation>
    </message>
    <message>
        <source>Contracts at risk</source>
        <translation>Gefährdete Verträge</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>local only</source>
        <translation>nur lokal</translation>
    </message>
    <message>
        <source>spot %1%2 bp</source>
        <translation>Spot %1%2 BP</translation>
    </message>
    <message>
        <source>, floor %1</source>
        <translation>, Untergrenze %1</translation>
    </message>
    <message>
        <source>, cap %1</source>
        <translation>, Obergrenze %1</translation>
    </message>
    <message>
        <source>Trading as %1. The last pass failed: %2</source>
        <translation>Handel als %1. Der letzte Durchlauf ist gescheitert: %2</translation>
    </message>
    <message>
        <source>Trading as %1: reading the market…</source>
        <translation>Handel als %1: Markt wird gelesen …</translation>
    </message>
    <message numerus="yes">
        <source>Trading as %1: %n ask(s) on the exchange, checked %2 UTC.</source>
        <translation>
            <numerusform>Handel als %1: %n Verkaufsorder an der Börse, geprüft %2 UTC.</numerusform>
            <numerusform>Handel als %1: %n Verkaufsorders an der Börse, geprüft %2 UTC.</numerusform>
        </translation>
    </message>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>gemeinsam</translation>
    </message>
    <message>
        <source>%1 is not a price in EUR with at most four decimals.</source>
        <translation>%1 ist kein Preis in EUR mit höchstens vier Nachkommastellen.</translation>
    </message>
</context>
<context>
    <name>cloudex::ui::SlaComposer</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Saved SLA profiles</source>
        <translation>Gespeicherte SLA-Profile</translation>
    </message>
    <message>
        <source>Name, e.g. Regulated EU</source>
        <translation>Name, z. B. Reguliert EU</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message numerus="yes">
        <source>within %n hour(s)</source>
        <translation>
            <numerusform>innerhalb von %n Stunde</numerusform>
            <numerusform>innerhalb von %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within %n minute(s)</source>
        <translation>
            <numerusform>innerhalb von %n Minute</numerusform>
            <numerusform>innerhalb von %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>The service credit owed at the first shortfall step, at least</source>
        <translation>Die Gutschrift bei der ersten Unterschreitungsstufe, mindestens</translation>
    </message>
    <message>
        <source>any, or e.g. DE, FR</source>
        <translation>beliebig, oder z. B. DE, FR</translation>
    </message>
    <message>
        <source>none, or e.g. ISO27001, C5</source>
        <translation>keine, oder z. B. ISO27001, C5</translation>
    </message>
    <message>
        <source>any metadata policy</source>
        <translation>beliebige Metadaten-Richtlinie</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <source>Instance classes</source>
        <translation>Instanzklassen</translation>
    </message>
    <message>
        <source>None ticked: any</source>
        <translation>Nichts angehakt: beliebig</translation>
    </message>
    <message>
        <source>Matching products</source>
        <translation>Passende Produkte</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Gutschrift</translation>
    </message>
    <message>
        <source>Front hour now</source>
        <translation>Vorderste Stunde jetzt</translation>
    </message>
    <message>
        <source>The exchange&apos;s preview of a buy of %1 instances in the product&apos;s front hour, up to %2 × its spot index, with the profile&apos;s requirements: what would fill now and what the requirements pass over</source>
        <translation>Die Vorschau der Börse für einen Kauf von %1 Instanzen in der vordersten Stunde des Produkts, bis zum %2-Fachen seines Spotindex, mit den Anforderungen des Profils: was jetzt ausgeführt würde und was die Anforderungen übergehen</translation>
    </message>
    <message>
        <source>SLA profiles</source>
        <translation>SLA-Profile</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Anforderungen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Availability:</source>
        <translation>Verfügbarkeit:</translation>
    </message>
    <message>
        <source>Support response:</source>
        <translation>Support-Reaktionszeit:</translation>
    </message>
    <message>
        <source>Service credit:</source>
        <translation>Gutschrift:</translation>
    </message>
    <message>
        <source>Seller jurisdictions:</source>
        <translation>Rechtsräume des Verkäufers:</translation>
    </message>
    <message>
        <source>Seller certifications:</source>
        <translation>Zertifizierungen des Verkäufers:</translation>
    </message>
    <message>
        <source>Metadata policies:</source>
        <translation>Metadaten-Richtlinien:</translation>
    </message>
    <message>
        <source>Tenancy:</source>
        <translation>Mandantentrennung:</translation>
    </message>
    <message>
        <source>Regions:</source>
        <translation>Regionen:</translation>
    </message>
    <message>
        <source>Instance classes:</source>
        <translation>Instanzklassen:</translation>
    </message>
    <message>
        <source>Profiles need a data directory.</source>
        <translation>Profile brauchen ein Datenverzeichnis.</translation>
    </message>
    <message>
        <source>Give the profile a name first.</source>
        <translation>Geben Sie dem Profil zuerst einen Namen.</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Gelöscht.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>asking…</source>
        <translation>frage…</translation>
    </message>
    <message>
        <source>no open market</source>
        <translation>kein offener Markt</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) match</source>
        <translation>
            <numerusform>%n Produkt passt</numerusform>
            <numerusform>%n Produkte passen</numerusform>
        </translation>
    </message>
    <message>
        <source>no trades yet</source>
        <translation>noch keine Trades</translation>
    </message>
    <message>
        <source>no preview: %1</source>
        <translation>keine Vorschau: %1</translation>
    </message>
    <message>
        <source>%1 of %2 eligible now, avg %3 EUR; %4 passed over</source>
        <translation>%1 von %2 jetzt zulässig, Schnitt %3 EUR; %4 übergangen</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>cloudex::ui::SpotChart</name>
    <message>
        <source>Spot price chart</source>
        <translation>Spotpreis-Diagramm</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <source>Time span of the spot chart</source>
        <translation>Zeitraum des Spotpreis-Diagramms</translation>
    </message>
    <message>
        <source>Compare with another product</source>
        <translation>Mit einem anderen Produkt vergleichen</translation>
    </message>
    <message>
        <source>Clear comparison</source>
        <translation>Vergleich aufheben</translation>
    </message>
    <message>
        <source>S&amp;pan:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <source>Select a product to see its spot price</source>
        <translation>Wählen Sie ein Produkt, um seinen Spotpreis zu sehen</translation>
    </message>
    <message>
        <source>No exchange: the spot price needs a session</source>
        <translation>Keine Börse: Der Spotpreis braucht eine Verbindung</translation>
    </message>
    <message>
        <source>No trades of %1 in this span: the spot index starts with the first hourly trade</source>
        <translation>Keine Geschäfte mit %1 in diesem Zeitraum: Der Spotindex beginnt mit dem ersten Stundengeschäft</translation>
    </message>
    <message>
        <source>%1: %2 EUR at %3</source>
        <translation>%1: %2 EUR um %3</translation>
    </message>
    <message>
        <source>Spot index — %1</source>
        <translation>Spotindex — %1</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
</context>
<context>
    <name>cloudex::ui::StrategyPage</name>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Planen</translation>
    </message>
    <message>
        <source>P&amp;lace…</source>
        <translation>Pla&amp;tzieren…</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Saved strategies</source>
        <translation>Gespeicherte Strategien</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Start a new strategy</source>
        <translation>Eine neue Strategie beginnen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the strategy in the data directory</source>
        <translation>Die Strategie im Datenverzeichnis speichern</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the saved strategy</source>
        <translation>Die gespeicherte Strategie löschen</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Read a strategy from a JSON file</source>
        <translation>Eine Strategie aus einer JSON-Datei lesen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write the strategy to a JSON file</source>
        <translation>Die Strategie in eine JSON-Datei schreiben</translation>
    </message>
    <message>
        <source>Demand and coverage</source>
        <translation>Bedarf und Deckung</translation>
    </message>
    <message>
        <source>Turn the strategy into an order plan for what contracts do not cover yet</source>
        <translation>Aus der Strategie einen Orderplan für das machen, was Verträge noch nicht decken</translation>
    </message>
    <message>
        <source>Plan the strategy</source>
        <translation>Die Strategie planen</translation>
    </message>
    <message>
        <source>Send the plan&apos;s orders as one batch, after one confirmation</source>
        <translation>Die Orders des Plans nach einer Bestätigung gesammelt senden</translation>
    </message>
    <message>
        <source>Place the plan</source>
        <translation>Den Plan platzieren</translation>
    </message>
    <message>
        <source>Plan lines</source>
        <translation>Planzeilen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Strategy name</source>
        <translation>Name der Strategie</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>Horizont</translation>
    </message>
    <message>
        <source>Horizon in days</source>
        <translation>Horizont in Tagen</translation>
    </message>
    <message>
        <source> instances</source>
        <translation> Instanzen</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Grundlast</translation>
    </message>
    <message>
        <source>Baseline demand in instances</source>
        <translation>Grundlast in Instanzen</translation>
    </message>
    <message>
        <source>Recurring peaks</source>
        <translation>Wiederkehrende Spitzen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Extra</source>
        <translation>Zusätzlich</translation>
    </message>
    <message>
        <source>Weekends</source>
        <translation>Wochenende</translation>
    </message>
    <message>
        <source>Extra instances from one hour to another (UTC), on weekdays, or every day when Weekends is checked</source>
        <translation>Zusätzliche Instanzen von einer Stunde zur anderen (UTC), werktags oder täglich, wenn Wochenende angehakt ist</translation>
    </message>
    <message>
        <source>Peaks</source>
        <translation>Spitzen</translation>
    </message>
    <message>
        <source>Add peak</source>
        <translation>Spitze hinzufügen</translation>
    </message>
    <message>
        <source>Remove peak</source>
        <translation>Spitze entfernen</translation>
    </message>
    <message>
        <source>Clear drawing</source>
        <translation>Zeichnung löschen</translation>
    </message>
    <message>
        <source>Forget the days drawn on the chart; baseline and peaks stay</source>
        <translation>Die im Diagramm gezeichneten Tage verwerfen; Grundlast und Spitzen bleiben</translation>
    </message>
    <message>
        <source>SLA profile</source>
        <translation>SLA-Profil</translation>
    </message>
    <message>
        <source>Instance class</source>
        <translation>Instanzklasse</translation>
    </message>
    <message>
        <source>Any class</source>
        <translation>Jede Klasse</translation>
    </message>
    <message>
        <source> EUR</source>
        <translation> EUR</translation>
    </message>
    <message>
        <source>Budget per month</source>
        <translation>Budget pro Monat</translation>
    </message>
    <message>
        <source>Budget per month in euros</source>
        <translation>Budget pro Monat in Euro</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>kein Limit</translation>
    </message>
    <message>
        <source> EUR/h</source>
        <translation> EUR/h</translation>
    </message>
    <message>
        <source>Term price limit</source>
        <translation>Preisgrenze Termin</translation>
    </message>
    <message>
        <source>Highest price for contracts</source>
        <translation>Höchstpreis für Verträge</translation>
    </message>
    <message>
        <source>Spot price limit</source>
        <translation>Preisgrenze Spot</translation>
    </message>
    <message>
        <source>Highest price for hours</source>
        <translation>Höchstpreis für Stunden</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Most per seller</source>
        <translation>Höchstens je Verkäufer</translation>
    </message>
    <message>
        <source>Largest share of one seller</source>
        <translation>Größter Anteil eines Verkäufers</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>At least sellers</source>
        <translation>Mindestens Verkäufer</translation>
    </message>
    <message>
        <source>Fewest sellers</source>
        <translation>Wenigste Verkäufer</translation>
    </message>
    <message>
        <source>Baseline by month/week</source>
        <translation>Grundlast per Monat/Woche</translation>
    </message>
    <message>
        <source>Share of the baseline covered with month and week</source>
        <translation>Anteil der Grundlast, gedeckt mit Monat und Woche</translation>
    </message>
    <message>
        <source>Peaks by day/hour</source>
        <translation>Spitzen per Tag/Stunde</translation>
    </message>
    <message>
        <source>Share of the peaks covered with day and hour</source>
        <translation>Anteil der Spitzen, gedeckt mit Tag und Stunde</translation>
    </message>
    <message>
        <source>next region</source>
        <translation>nächste Region</translation>
    </message>
    <message>
        <source>next SLA class</source>
        <translation>nächste SLA-Klasse</translation>
    </message>
    <message>
        <source>other tenancy</source>
        <translation>andere Mandantenform</translation>
    </message>
    <message>
        <source>Fallback ladder</source>
        <translation>Ausweichleiter</translation>
    </message>
    <message>
        <source>Any product</source>
        <translation>Jedes Produkt</translation>
    </message>
    <message>
        <source>New strategy</source>
        <translation>Neue Strategie</translation>
    </message>
    <message>
        <source>Contracts from %1</source>
        <translation>Verträge von %1</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>Projiziert</translation>
    </message>
    <message>
        <source>Plan: %1 EUR (%2 EUR of it projected); the dearest month %3 of %4 EUR budget.</source>
        <translation>Plan: %1 EUR (davon %2 EUR projiziert); der teuerste Monat %3 von %4 EUR Budget.</translation>
    </message>
    <message>
        <source>Fills are estimated from the desk&apos;s book and forward curves.</source>
        <translation>Die Ausführungen sind aus dem Orderbuch und den Terminkurven des Desks geschätzt.</translation>
    </message>
    <message>
        <source>&amp;Plan the gap</source>
        <translation>Lücke &amp;planen</translation>
    </message>
    <message>
        <source>No listed product meets the profile and the class.</source>
        <translation>Kein gelistetes Produkt erfüllt Profil und Klasse.</translation>
    </message>
    <message>
        <source>No exchange is connected: nothing to plan from.</source>
        <translation>Keine Börse verbunden: nichts, wonach geplant werden kann.</translation>
    </message>
    <message numerus="yes">
        <source>Planning: reading %n forward curve(s)…</source>
        <translation>
            <numerusform>Planung: %n Terminkurve wird gelesen…</numerusform>
            <numerusform>Planung: %n Terminkurven werden gelesen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Planning: previewing %n instrument(s)…</source>
        <translation>
            <numerusform>Planung: Vorschau für %n Instrument…</numerusform>
            <numerusform>Planung: Vorschau für %n Instrumente…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) to place</source>
        <translation>
            <numerusform>%n Order zu platzieren</numerusform>
            <numerusform>%n Orders zu platzieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n projected line(s)</source>
        <translation>
            <numerusform>%n projizierte Zeile</numerusform>
            <numerusform>%n projizierte Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Buy %1 × %2 at up to %3 EUR/h</source>
        <translation>Kauf %1 × %2 zu höchstens %3 EUR/h</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Place these %n order(s), for about %1 EUR in all?</source>
        <translation>
            <numerusform>Diese %n Order für insgesamt etwa %1 EUR platzieren?</numerusform>
            <numerusform>Diese %n Orders für insgesamt etwa %1 EUR platzieren?</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n order(s) placed.</source>
        <translation>
            <numerusform>%1 von %n Order platziert.</numerusform>
            <numerusform>%1 von %n Orders platziert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Delete strategy</source>
        <translation>Strategie löschen</translation>
    </message>
    <message>
        <source>Delete the strategy %1?</source>
        <translation>Die Strategie %1 löschen?</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>Export strategy</source>
        <translation>Strategie exportieren</translation>
    </message>
    <message>
        <source>Strategies (*.json)</source>
        <translation>Strategien (*.json)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Import strategy</source>
        <translation>Strategie importieren</translation>
    </message>
    <message>
        <source>Contracts from %1 cover %2 % of the demand, more than the %3 % one seller may have.</source>
        <translation>Verträge von %1 decken %2 % des Bedarfs, mehr als die %3 %, die ein Verkäufer haben darf.</translation>
    </message>
    <message>
        <source>Contracts come from %1 seller(s), fewer than the %2 asked for.</source>
        <translation>Die Verträge kommen von %1 Verkäufer(n), weniger als die verlangten %2.</translation>
    </message>
</context>
<context>
    <name>cloudex::ui::UsersWorkspace</name>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Your organisation&apos;s people: who may trade, who may deploy, who administers.</source>
        <translation>Die Menschen Ihrer Organisation: wer handeln darf, wer bereitstellen darf, wer verwaltet.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>&amp;Trade (orders, prices, settlements)</source>
        <translation>&amp;Handeln (Orders, Preise, Abrechnungen)</translation>
    </message>
    <message>
        <source>&amp;Deploy (contract certificates, VMs)</source>
        <translation>&amp;Bereitstellen (Vertragszertifikate, VMs)</translation>
    </message>
    <message>
        <source>&amp;Administer users</source>
        <translation>Benutzer &amp;verwalten</translation>
    </message>
    <message>
        <source>&amp;Issue…</source>
        <translation>&amp;Ausstellen…</translation>
    </message>
    <message>
        <source>&amp;Change permissions</source>
        <translation>Berechtigungen ä&amp;ndern</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>Set &amp;limits</source>
        <translation>&amp;Limits setzen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Durch</translation>
    </message>
    <message>
        <source>u-alice</source>
        <translation>u-alice</translation>
    </message>
    <message>
        <source>protects the PKCS#12 file you hand over</source>
        <translation>schützt die PKCS#12-Datei, die Sie übergeben</translation>
    </message>
    <message>
        <source>/path/to/u-alice.p12</source>
        <translation>/pfad/zu/u-alice.p12</translation>
    </message>
    <message>
        <source>the exchange&apos;s limit</source>
        <translation>das Limit der Börse</translation>
    </message>
    <message>
        <source>Identity audit</source>
        <translation>Identitätsprotokoll</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>Berechtigungen:</translation>
    </message>
    <message>
        <source>PKCS#12 &amp;passphrase:</source>
        <translation>PKCS#12-&amp;Passphrase:</translation>
    </message>
    <message>
        <source>PKCS#12 &amp;file:</source>
        <translation>PKCS#12-&amp;Datei:</translation>
    </message>
    <message>
        <source>Max. order &amp;quantity:</source>
        <translation>Max. Order&amp;menge:</translation>
    </message>
    <message>
        <source>Max. open &amp;notional (ticks × instances × hours):</source>
        <translation>Max. offenes &amp;Volumen (Ticks × Instanzen × Stunden):</translation>
    </message>
    <message>
        <source>Audit: identities issued, changed and revoked, and by whom</source>
        <translation>Protokoll: ausgestellte, geänderte und widerrufene Identitäten, und durch wen</translation>
    </message>
    <message>
        <source>Users are administered once the desk is connected to an exchange.</source>
        <translation>Benutzer werden verwaltet, sobald der Desk mit einer Börse verbunden ist.</translation>
    </message>
    <message>
        <source>Your identity (%1) does not administer %2: managing users needs the admin permission, which only an administrator of your organisation grants.</source>
        <translation>Ihre Identität (%1) verwaltet %2 nicht: Benutzerverwaltung braucht die Berechtigung admin, die nur die Administration Ihrer Organisation vergibt.</translation>
    </message>
    <message>
        <source>Issue %1 with the chosen permissions; its key and certificate go into the PKCS#12 file, protected by the passphrase</source>
        <translation>%1 mit den gewählten Berechtigungen ausstellen; Schlüssel und Zertifikat kommen in die PKCS#12-Datei, geschützt durch die Passphrase</translation>
    </message>
    <message>
        <source>the user</source>
        <translation>den Benutzer</translation>
    </message>
    <message>
        <source>A new certificate with the chosen permissions; the old one is revoked</source>
        <translation>Ein neues Zertifikat mit den gewählten Berechtigungen; das alte wird widerrufen</translation>
    </message>
    <message>
        <source>Revoke the user and every contract certificate the user holds</source>
        <translation>Den Benutzer und jedes seiner Vertragszertifikate widerrufen</translation>
    </message>
    <message>
        <source>Your organisation&apos;s own limits for this user, within the exchange&apos;s</source>
        <translation>Die eigenen Limits Ihrer Organisation für diesen Benutzer, innerhalb derer der Börse</translation>
    </message>
    <message>
        <source>Cannot read the users: %1</source>
        <translation>Die Benutzer sind nicht lesbar: %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>≤ %1 per order</source>
        <translation>≤ %1 je Order</translation>
    </message>
    <message>
        <source>≤ %1 open</source>
        <translation>≤ %1 offen</translation>
    </message>
    <message>
        <source>the exchange&apos;s</source>
        <translation>die der Börse</translation>
    </message>
    <message>
        <source>Cannot read the audit: %1</source>
        <translation>Das Protokoll ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Issuing %1…</source>
        <translation>%1 wird ausgestellt…</translation>
    </message>
    <message>
        <source>%1 was not issued: %2</source>
        <translation>%1 wurde nicht ausgestellt: %2</translation>
    </message>
    <message>
        <source>%1 was issued, but %2 cannot be written: %3</source>
        <translation>%1 wurde ausgestellt, aber %2 ist nicht schreibbar: %3</translation>
    </message>
    <message>
        <source>%1 issued (certificate %2); hand over %3 and, separately, its passphrase.</source>
        <translation>%1 ausgestellt (Zertifikat %2); übergeben Sie %3 und, getrennt davon, die Passphrase.</translation>
    </message>
    <message>
        <source>%1 now has a new certificate (%2); the old one is revoked. Hand the new one over.</source>
        <translation>%1 hat jetzt ein neues Zertifikat (%2); das alte ist widerrufen. Übergeben Sie das neue.</translation>
    </message>
    <message>
        <source>The permissions of %1 were not changed: %2</source>
        <translation>Die Berechtigungen von %1 wurden nicht geändert: %2</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>%1 widerrufen</translation>
    </message>
    <message>
        <source>Revoke %1? Its identity and every contract certificate it holds stop working at once, at the exchange and at the sellers&apos; sites.</source>
        <translation>%1 widerrufen? Die Identität und jedes Vertragszertifikat hören sofort auf zu funktionieren, an der Börse und an den Standorten der Verkäufer.</translation>
    </message>
    <message numerus="yes">
        <source>%1 revoked, with %n contract certificate(s).</source>
        <translation>
            <numerusform>%1 widerrufen, mit %n Vertragszertifikat.</numerusform>
            <numerusform>%1 widerrufen, mit %n Vertragszertifikaten.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was not revoked: %2</source>
        <translation>%1 wurde nicht widerrufen: %2</translation>
    </message>
    <message>
        <source>The limits of %1 are set.</source>
        <translation>Die Limits von %1 sind gesetzt.</translation>
    </message>
    <message>
        <source>The limits of %1 were not set: %2</source>
        <translation>Die Limits von %1 wurden nicht gesetzt: %2</translation>
    </message>
    <message>
        <source>create</source>
        <translation>erstellen</translation>
    </message>
    <message>
        <source>start</source>
        <translation>starten</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>stoppen</translation>
    </message>
    <message>
        <source>reboot</source>
        <translation>neu starten</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>VM operations</source>
        <translation>VM-Operationen</translation>
    </message>
    <message>
        <source>VM operations at the sellers&apos; sites, and by whom</source>
        <translation>VM-Operationen an den Standorten der Verkäufer, und von wem</translation>
    </message>
    <message>
        <source>Cannot read the VM operations: %1</source>
        <translation>Die VM-Operationen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(nicht genannt)</translation>
    </message>
</context>
</TS>

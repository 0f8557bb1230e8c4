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
        <source>Chunked request bodies are not accepted; send a Content-Length.</source>
        <translation>Anfragen mit Chunked-Kodierung werden nicht angenommen; bitte Content-Length senden.</translation>
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
        <source>No CA certificate to trust the exchange with.</source>
        <translation>Kein CA-Zertifikat, mit dem der Börse vertraut werden kann.</translation>
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
    <name>DesktopApp</name>
    <message>
        <source>Cannot write the screenshot %1.</source>
        <translation>Das Bildschirmfoto %1 kann nicht geschrieben werden.</translation>
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
        <source>The exchange journal has failed; no commands are accepted.</source>
        <translation>Das Börsenjournal ist ausgefallen; es werden keine Aufträge mehr angenommen.</translation>
    </message>
    <message>
        <source>Unknown jurisdiction, certification or metadata policy for participant %1.</source>
        <translation>Unbekannte Rechtsordnung, Zertifizierung oder Metadaten-Richtlinie für Teilnehmer %1.</translation>
    </message>
    <message>
        <source>A client order id has at most %1 ASCII characters.</source>
        <translation>Eine Kunden-Auftragsnummer hat höchstens %1 ASCII-Zeichen.</translation>
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
</context>
<context>
    <name>StartupOptions</name>
    <message>
        <source>--%1: %2</source>
        <translation>--%1: %2</translation>
    </message>
    <message>
        <source>--%1: %2 is not available in this version of CloudEx yet.</source>
        <translation>--%1: %2 ist in dieser Version von CloudEx noch nicht verfügbar.</translation>
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
        <source>Open the workspace &lt;name&gt;: market, buy or sell.</source>
        <translation>Den Arbeitsbereich &lt;name&gt; öffnen: market, buy oder sell.</translation>
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
        <source>Connecting to a remote exchange</source>
        <translation>Die Verbindung zu einer entfernten Börse</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a libvirt URI such as qemu:///system or qemu+ssh://host/system</source>
        <translation>„%1“ ist keine libvirt-URI wie qemu:///system oder qemu+ssh://host/system</translation>
    </message>
    <message>
        <source>Connecting a hypervisor</source>
        <translation>Die Anbindung eines Hypervisors</translation>
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
</context>
<context>
    <name>Translations</name>
    <message>
        <source>No translation for language &quot;%1&quot; is built in.</source>
        <translation>Für die Sprache „%1“ ist keine Übersetzung eingebaut.</translation>
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
</context>
<context>
    <name>cloudex::ui::BuyWorkspace</name>
    <message>
        <source>Buy</source>
        <translation>Kaufen</translation>
    </message>
    <message>
        <source>Compose SLAs, plan sourcing and hold contracts with sellers.</source>
        <translation>SLAs zusammenstellen, Beschaffung planen und Verträge mit Verkäufern halten.</translation>
    </message>
    <message>
        <source>No exchange is connected, so there is nothing to buy from yet. The SLA classes below are what every seller that lists a product commits to.</source>
        <translation>Es ist keine Börse verbunden, daher gibt es noch nichts zu kaufen. Zu den SLA-Klassen unten verpflichtet sich jeder Verkäufer, der ein Produkt anbietet.</translation>
    </message>
    <message>
        <source>SLA classes</source>
        <translation>SLA-Klassen</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Monthly availability</source>
        <translation>Monatliche Verfügbarkeit</translation>
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
        <source>&lt;%1: %2 %</source>
        <translation>&lt;%1: %2 %</translation>
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
        <source>A contract appears here when one of your orders trades. It names the seller, the volume in instances and the delivery window, and carries the connection certificate that admits you at the seller.</source>
        <translation>Ein Vertrag erscheint hier, sobald eine Ihrer Orders gehandelt wird. Er nennt den Verkäufer, das Volumen in Instanzen und das Lieferfenster und trägt das Verbindungszertifikat, mit dem Sie beim Verkäufer zugelassen werden.</translation>
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
        <source>No exchange is connected, so there are no order books or prices yet. The products below are the exchange&apos;s standard catalogue; each trades for the delivery periods listed beside it.</source>
        <translation>Es ist keine Börse verbunden, daher gibt es noch keine Orderbücher und Preise. Die Produkte unten sind der Standardkatalog der Börse; jedes wird für die daneben aufgeführten Lieferzeiträume gehandelt.</translation>
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
        <source>below %1: %2 % credit</source>
        <translation>unter %1: %2 % Gutschrift</translation>
    </message>
    <message>
        <source>%1
%2, jurisdiction %3
%4 tenancy
SLA %5: %6 availability, support %7
%8</source>
        <translation>%1
%2, Rechtsraum %3
Mandantentrennung: %4
SLA %5: %6 Verfügbarkeit, Support %7
%8</translation>
    </message>
    <message>
        <source>Products: %1</source>
        <translation>Produkte: %1</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Starts (UTC)</source>
        <translation>Beginn (UTC)</translation>
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
        <source>No hypervisor connected</source>
        <translation>Kein Hypervisor verbunden</translation>
    </message>
    <message>
        <source>Hosts connect through libvirt: a single host, a set of hosts behind one front, or a provisioning workflow. Their capacity, VMs and templates appear here.</source>
        <translation>Hosts werden über libvirt angebunden: ein einzelner Host, mehrere Hosts hinter einer Verwaltung oder ein Bereitstellungs-Workflow. Ihre Kapazität, VMs und Vorlagen erscheinen hier.</translation>
    </message>
    <message>
        <source>Instance classes a site can offer</source>
        <translation>Instanzklassen, die ein Standort anbieten kann</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>vCPU</source>
        <translation>vCPU</translation>
    </message>
    <message>
        <source>Memory (GiB)</source>
        <translation>Arbeitsspeicher (GiB)</translation>
    </message>
    <message>
        <source>Disk (GiB)</source>
        <translation>Festplatte (GiB)</translation>
    </message>
</context>
</TS>

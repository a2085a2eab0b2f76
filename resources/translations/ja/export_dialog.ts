<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>ExportDialog</name>
    <message>
        <source>Certificate, PEM (.crt) — upload this to the Connected App / External Client App</source>
        <translation>証明書、PEM (.crt) — 接続アプリケーション/外部クライアントアプリケーションにはこれをアップロード</translation>
    </message>
    <message>
        <source>Certificate, DER (.cer)</source>
        <translation>証明書、DER (.cer)</translation>
    </message>
    <message>
        <source>Private key, PKCS#8 PEM (.key)</source>
        <translation>秘密鍵、PKCS#8 PEM (.key)</translation>
    </message>
    <message>
        <source>Key and certificate, PKCS#12 (.p12)</source>
        <translation>鍵と証明書、PKCS#12 (.p12)</translation>
    </message>
    <message>
        <source>Java keystore (.jks) — for Salesforce Certificate and Key Management import</source>
        <translation>Java キーストア (.jks) — Salesforce の「証明書と鍵の管理」へのインポート用</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>形式(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Alias:</source>
        <translation>エイリアス(&amp;A):</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>エクスポート形式</translation>
    </message>
    <message>
        <source>Alias of the entry in the keystore</source>
        <translation>キーストア内のエントリのエイリアス</translation>
    </message>
    <message>
        <source>The name of the key entry (PKCS#12 friendly name, JKS alias).</source>
        <translation>鍵エントリの名前です (PKCS#12 のフレンドリ名、JKS のエイリアス)。</translation>
    </message>
    <message>
        <source>Export passphrase</source>
        <translation>エクスポート用パスフレーズ</translation>
    </message>
    <message>
        <source>Repeat the export passphrase</source>
        <translation>エクスポート用パスフレーズをもう一度入力</translation>
    </message>
    <message>
        <source>Write the private key UNENCRYPTED (anyone who reads the file can sign)</source>
        <translation>秘密鍵を暗号化せずに書き出す (ファイルを読める人は誰でも署名できてしまいます)</translation>
    </message>
    <message>
        <source>Write the private key unencrypted</source>
        <translation>秘密鍵を暗号化せずに書き出す</translation>
    </message>
    <message>
        <source>The key password is the keystore password, as Salesforce's import requires.</source>
        <translation>Salesforce のインポートの要件どおり、鍵のパスワードはキーストアのパスワードと同じになります。</translation>
    </message>
    <message>
        <source>A certificate holds no secret; no passphrase is needed.</source>
        <translation>証明書には秘密情報が含まれないため、パスフレーズは不要です。</translation>
    </message>
    <message>
        <source>Keytool and Salesforce need a keystore password of at least {n} characters.</source>
        <translation>keytool と Salesforce では、キーストアのパスワードは {n} 文字以上必要です。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <source>The key will be readable by anyone who can read the file.</source>
        <translation>ファイルを読める人なら誰でも鍵を読めてしまいます。</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>エクスポート先</translation>
    </message>
    <message>
        <source>PEM certificate (*.crt *.pem)</source>
        <translation>PEM 証明書 (*.crt *.pem)</translation>
    </message>
    <message>
        <source>DER certificate (*.cer *.der)</source>
        <translation>DER 証明書 (*.cer *.der)</translation>
    </message>
    <message>
        <source>PKCS#8 private key (*.key *.pem)</source>
        <translation>PKCS#8 秘密鍵 (*.key *.pem)</translation>
    </message>
    <message>
        <source>PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Java keystore (*.jks)</source>
        <translation>Java キーストア (*.jks)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
</context>
</TS>
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>CsrDialog</name>
    <message>
        <source>Certificate signing request</source>
        <translation>証明書署名要求 (CSR)</translation>
    </message>
    <message>
        <source>A request for a CA-signed certificate for {key}. Send the saved .csr file to your certificate authority, then attach the certificate it returns with “Attach CA certificate…”.</source>
        <translation>{key} の CA 署名証明書を申請するための要求です。保存した .csr ファイルを認証局に送り、返ってきた証明書を「CA の証明書を添付…」で添付してください。</translation>
    </message>
    <message>
        <source>e.g. JP</source>
        <translation>例: JP</translation>
    </message>
    <message>
        <source>Common name (CN):</source>
        <translation>コモンネーム (CN):</translation>
    </message>
    <message>
        <source>Organisation (O):</source>
        <translation>組織 (O):</translation>
    </message>
    <message>
        <source>Organisational unit (OU):</source>
        <translation>部署 (OU):</translation>
    </message>
    <message>
        <source>Country (C):</source>
        <translation>国 (C):</translation>
    </message>
    <message>
        <source>Save request…</source>
        <translation>要求を保存…</translation>
    </message>
    <message>
        <source>the session's key</source>
        <translation>セッションの鍵</translation>
    </message>
    <message>
        <source>Save the certificate signing request</source>
        <translation>証明書署名要求を保存</translation>
    </message>
    <message>
        <source>Certificate signing request (*.csr *.pem)</source>
        <translation>証明書署名要求 (*.csr *.pem)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>The certificate your CA issued</source>
        <translation>認証局が発行した証明書</translation>
    </message>
</context>
</TS>
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>KeyCsrFlow</name>
    <message>
        <source>Signing re&amp;quest (.csr)…</source>
        <translation>署名要求(&amp;Q) (.csr)…</translation>
    </message>
    <message>
        <source>Make a certificate signing request for this key</source>
        <translation>この鍵の証明書署名要求を作成</translation>
    </message>
    <message>
        <source>A&amp;ttach CA certificate…</source>
        <translation>CA の証明書を添付(&amp;T)…</translation>
    </message>
    <message>
        <source>Attach the certificate your CA issued for this key</source>
        <translation>認証局がこの鍵に発行した証明書を添付</translation>
    </message>
    <message>
        <source>For a CA-signed certificate: save a .csr file to send to your certificate authority.</source>
        <translation>CA 署名の証明書が必要な場合: 認証局に送る .csr ファイルを保存します。</translation>
    </message>
    <message>
        <source>Read the certificate file your CA returned and use it with this key.</source>
        <translation>認証局から返ってきた証明書ファイルを読み込み、この鍵で使います。</translation>
    </message>
    <message>
        <source>There is no key yet: generate or import one first.</source>
        <translation>鍵がまだありません。先に生成するか読み込んでください。</translation>
    </message>
    <message>
        <source>Saved the certificate signing request to {path}.</source>
        <translation>証明書署名要求を {path} に保存しました。</translation>
    </message>
    <message>
        <source>Send it to your certificate authority, then attach the certificate it returns.</source>
        <translation>認証局に送り、返ってきた証明書を添付してください。</translation>
    </message>
    <message>
        <source>Attached the certificate “{subject}” to this key.</source>
        <translation>証明書「{subject}」をこの鍵に添付しました。</translation>
    </message>
    <message>
        <source>Save the certificate for Salesforce and upload it to the app.</source>
        <translation>Salesforce 用の証明書を保存し、アプリケーションにアップロードしてください。</translation>
    </message>
</context>
</TS>
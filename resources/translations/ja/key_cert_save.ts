<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>CertificateSaveFlow</name>
    <message>
        <source>Certificate for Salesforce</source>
        <translation>Salesforce 用の証明書</translation>
    </message>
    <message>
        <source>Save certificate for Salesforce (.crt)…</source>
        <translation>Salesforce 用の証明書を保存 (.crt)…</translation>
    </message>
    <message>
        <source>Save the certificate for Salesforce as a .crt file</source>
        <translation>Salesforce 用の証明書を .crt ファイルとして保存</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <source>Open the folder of the saved certificate</source>
        <translation>保存した証明書のフォルダーを開く</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>パスをコピー</translation>
    </message>
    <message>
        <source>Copy the saved certificate's path</source>
        <translation>保存した証明書のパスをコピー</translation>
    </message>
    <message>
        <source>Upload it in Salesforce: the app's “Use digital signatures” setting.</source>
        <translation>Salesforce のアプリケーションの「デジタル署名を使用」でアップロードしてください。</translation>
    </message>
    <message>
        <source>No certificate yet: generate a key, or import a key with its certificate.</source>
        <translation>証明書がまだありません。鍵を生成するか、証明書付きの鍵を読み込んでください。</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>{path} に保存しました</translation>
    </message>
    <message>
        <source>Then upload the .crt in Salesforce: the app's “Use digital signatures” setting.</source>
        <translation>保存したら、その .crt を Salesforce のアプリケーションの「デジタル署名を使用」でアップロードします。</translation>
    </message>
    <message>
        <source>Save certificate for Salesforce</source>
        <translation>Salesforce 用の証明書を保存</translation>
    </message>
    <message>
        <source>Certificate for Salesforce (*.crt)</source>
        <translation>Salesforce 用の証明書 (*.crt)</translation>
    </message>
</context>
</TS>
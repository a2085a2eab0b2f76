<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>ExportFlow</name>
    <message>
        <source>E&amp;xport…</source>
        <translation>エクスポート(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the key or certificate to a file</source>
        <translation>鍵または証明書をファイルにエクスポート</translation>
    </message>
    <message>
        <source>Certificate (.crt/.cer), PKCS#8, PKCS#12 or JKS (Ctrl+E).</source>
        <translation>証明書 (.crt/.cer)、PKCS#8、PKCS#12、JKS に書き出せます (Ctrl+E)。</translation>
    </message>
    <message>
        <source>There is nothing to export yet.</source>
        <translation>エクスポートするものがまだありません。</translation>
    </message>
    <message>
        <source>Generate or import a key first.</source>
        <translation>先に鍵を生成するか読み込んでください。</translation>
    </message>
    <message>
        <source>Export offers its certificate instead: that is what Salesforce needs.</source>
        <translation>代わりに証明書を書き出せます。Salesforce に必要なのは証明書です。</translation>
    </message>
    <message>
        <source>Make or choose its certificate first, then export the certificate.</source>
        <translation>先に証明書を作成または選択し、その証明書を書き出してください。</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>{path} にエクスポートしました。</translation>
    </message>
</context>
</TS>
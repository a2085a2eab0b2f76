<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>CompareFlow</name>
    <message>
        <source>Compare with the certificate in Salesforce</source>
        <translation>Salesforce にある証明書と照合</translation>
    </message>
    <message>
        <source>Download the certificate from the Connected App or External Client App and drop the .crt here, or choose it. The key signs; Salesforce checks with that certificate: they must belong together.</source>
        <translation>接続アプリケーションまたは外部クライアントアプリケーションから証明書をダウンロードし、その .crt をここにドロップするか選択してください。署名するのは鍵、検証するのは Salesforce 側の証明書なので、両者は対になっている必要があります。</translation>
    </message>
    <message>
        <source>&amp;Choose certificate…</source>
        <translation>証明書を選択(&amp;C)…</translation>
    </message>
    <message>
        <source>Choose the certificate downloaded from Salesforce</source>
        <translation>Salesforce からダウンロードした証明書を選択</translation>
    </message>
    <message>
        <source>Drop area for the certificate downloaded from Salesforce</source>
        <translation>Salesforce からダウンロードした証明書のドロップ領域</translation>
    </message>
    <message>
        <source>Certificate downloaded from Salesforce</source>
        <translation>Salesforce からダウンロードした証明書</translation>
    </message>
    <message>
        <source>Salesforce's certificate: SHA-256 {theirs}. Load your key to compare.</source>
        <translation>Salesforce の証明書: SHA-256 {theirs}。照合するには鍵を読み込んでください。</translation>
    </message>
    <message>
        <source>Match: the certificate in Salesforce belongs to this key.</source>
        <translation>一致: Salesforce にある証明書はこの鍵のものです。</translation>
    </message>
    <message>
        <source>Salesforce: SHA-256 {theirs}
Yours: SHA-256 {ours}</source>
        <translation>Salesforce: SHA-256 {theirs}
こちら: SHA-256 {ours}</translation>
    </message>
    <message>
        <source>Mismatch: the certificate in Salesforce does not belong to this key. Salesforce will answer “invalid assertion”.</source>
        <translation>不一致: Salesforce にある証明書はこの鍵のものではありません。Salesforce は「invalid assertion」と応答します。</translation>
    </message>
    <message>
        <source>Salesforce: SHA-256 {theirs}
Yours: SHA-256 {ours}
Upload this key's certificate (.crt).</source>
        <translation>Salesforce: SHA-256 {theirs}
こちら: SHA-256 {ours}
この鍵の証明書 (.crt) をアップロードしてください。</translation>
    </message>
</context>
</TS>
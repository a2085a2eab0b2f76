<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>TokenView</name>
    <message>
        <source>Encoded token</source>
        <translation>エンコードされたトークン</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>ヘッダー</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>ペイロード</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Encoded token, coloured by part</source>
        <translation>パートごとに色分けしたエンコード済みトークン</translation>
    </message>
    <message>
        <source>Red: header · Purple: payload · Blue: signature</source>
        <translation>赤: ヘッダー · 紫: ペイロード · 青: 署名</translation>
    </message>
    <message>
        <source>Decoded header JSON</source>
        <translation>デコードしたヘッダーの JSON</translation>
    </message>
    <message>
        <source>Decoded payload JSON</source>
        <translation>デコードしたペイロードの JSON</translation>
    </message>
    <message>
        <source>Times of the date claims</source>
        <translation>日時クレームの時刻</translation>
    </message>
    <message>
        <source>Copy the token</source>
        <translation>トークンをコピー</translation>
    </message>
    <message>
        <source>Copy the header JSON</source>
        <translation>ヘッダーの JSON をコピー</translation>
    </message>
    <message>
        <source>Copy the payload JSON</source>
        <translation>ペイロードの JSON をコピー</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>No token yet.</source>
        <translation>まだトークンがありません。</translation>
    </message>
    <message>
        <source>Repaired the pasted text: {repairs}</source>
        <translation>貼り付けたテキストを修復しました: {repairs}</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>ローカル時刻</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>現在との差</translation>
    </message>
    <message>
        <source>Not checked: choose the certificate uploaded to Salesforce to verify the signature.</source>
        <translation>未検証: 署名を検証するには、Salesforce にアップロードした証明書を選んでください。</translation>
    </message>
    <message>
        <source>Signature verified with the certificate (SHA-256 {fp}).</source>
        <translation>証明書 (SHA-256 {fp}) で署名を検証できました。</translation>
    </message>
    <message>
        <source>The signature does NOT verify with this certificate: {reason}.</source>
        <translation>この証明書では署名を検証できません: {reason}。</translation>
    </message>
    <message>
        <source>Salesforce would answer “invalid assertion”. Sign with the key that belongs to the uploaded certificate, or upload the certificate of this key.</source>
        <translation>Salesforce は「invalid assertion」と応答するはずです。アップロード済みの証明書と対になる鍵で署名するか、この鍵の証明書をアップロードしてください。</translation>
    </message>
</context>
</TS>
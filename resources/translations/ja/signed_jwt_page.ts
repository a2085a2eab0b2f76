<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>SignedJwtPage</name>
    <message>
        <source>No private key yet: generate or import one on the Key &amp; certificate page.</source>
        <translation>秘密鍵がまだありません。「鍵と証明書」ページで生成するか読み込んでください。</translation>
    </message>
    <message>
        <source>No claims yet: fill the Connection and Claims pages.</source>
        <translation>クレームがまだありません。「接続」と「クレーム」ページを入力してください。</translation>
    </message>
    <message>
        <source>Signed with RS256. It is valid until exp; Send re-stamps iat/exp.</source>
        <translation>RS256 で署名しました。exp まで有効です。送信時に iat/exp を付け直します。</translation>
    </message>
    <message>
        <source>Signing in the token or KMS…</source>
        <translation>トークンまたは KMS の中で署名しています…</translation>
    </message>
    <message>
        <source>Fill the Connection page to get ready-to-run code.</source>
        <translation>「接続」ページを入力すると、そのまま実行できるコードが表示されます。</translation>
    </message>
    <message>
        <source>Key file written: {path} (mode 0600, no passphrase; delete it when you are done).</source>
        <translation>鍵ファイルを書き出しました: {path}(モード 0600、パスフレーズなし。使い終わったら削除してください)。</translation>
    </message>
    <message>
        <source>Signed JWT</source>
        <translation>署名済み JWT</translation>
    </message>
    <message>
        <source>Copy as code</source>
        <translation>コードとしてコピー</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Export the key for this command…</source>
        <translation>このコマンド用に鍵を書き出す…</translation>
    </message>
    <message>
        <source>sf org login jwt and the Python snippet read an unencrypted PEM key file: write one (mode 0600) after a confirmation, and the snippet names it.</source>
        <translation>sf org login jwt と Python のコードは暗号化されていない PEM 鍵ファイルを読みます。確認のうえ書き出し(モード 0600)、コードにそのパスを入れます。</translation>
    </message>
    <message>
        <source>Python (httpx)</source>
        <translation>Python (httpx)</translation>
    </message>
    <message>
        <source>Apex (Auth.JWT / Auth.JWS)</source>
        <translation>Apex (Auth.JWT / Auth.JWS)</translation>
    </message>
    <message>
        <source>Snippet language</source>
        <translation>スニペットの言語</translation>
    </message>
    <message>
        <source>Copy the snippet</source>
        <translation>スニペットをコピー</translation>
    </message>
    <message>
        <source>Export the key as an unencrypted file for this command</source>
        <translation>このコマンド用に鍵を暗号化なしのファイルとして書き出す</translation>
    </message>
    <message>
        <source>Code snippet</source>
        <translation>コードスニペット</translation>
    </message>
    <message>
        <source>Signed JWT, decoded</source>
        <translation>署名済み JWT(デコード済み)</translation>
    </message>
</context>
</TS>
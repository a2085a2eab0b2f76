<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>DecodeToolPage</name>
    <message>
        <source>Decode a JWT</source>
        <translation>JWT をデコード</translation>
    </message>
    <message>
        <source>Paste a JWT, an “Authorization: Bearer …” header, an assertion=… form body or a whole curl command — or drop a file holding one.</source>
        <translation>JWT、「Authorization: Bearer …」ヘッダー、assertion=… のフォーム本文、curl コマンド全体のいずれかを貼り付けるか、それを含むファイルをドロップしてください。</translation>
    </message>
    <message>
        <source>Text holding the JWT</source>
        <translation>JWT を含むテキスト</translation>
    </message>
    <message>
        <source>&amp;Decode</source>
        <translation>デコード(&amp;D)</translation>
    </message>
    <message>
        <source>Decode and lint the token</source>
        <translation>トークンをデコードしてチェック</translation>
    </message>
    <message>
        <source>Decode, lint and verify (Ctrl+Enter in the text box). It also happens as you type.</source>
        <translation>デコード・チェック・署名検証を行います (入力欄で Ctrl+Enter)。入力中にも自動で行われます。</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>クリア(&amp;L)</translation>
    </message>
    <message>
        <source>Clear the pasted text</source>
        <translation>貼り付けたテキストをクリア</translation>
    </message>
    <message>
        <source>POSTed &amp;to (optional):</source>
        <translation>POST 先 (任意)(&amp;T):</translation>
    </message>
    <message>
        <source>https://login.salesforce.com — checks aud against it</source>
        <translation>https://login.salesforce.com — aud と矛盾しないか確認します</translation>
    </message>
    <message>
        <source>Endpoint the token is posted to (optional)</source>
        <translation>トークンを POST するエンドポイント (任意)</translation>
    </message>
    <message>
        <source>Verify against a certificate</source>
        <translation>証明書で署名を検証</translation>
    </message>
    <message>
        <source>C&amp;hoose certificate…</source>
        <translation>証明書を選択(&amp;H)…</translation>
    </message>
    <message>
        <source>Choose a certificate to verify the signature</source>
        <translation>署名の検証に使う証明書を選択</translation>
    </message>
    <message>
        <source>The certificate uploaded to the app (.crt/.cer/.pem), or drop it here.</source>
        <translation>アプリにアップロードした証明書 (.crt/.cer/.pem) を選ぶか、ここにドロップしてください。</translation>
    </message>
    <message>
        <source>Use the session's certificate</source>
        <translation>セッションの証明書を使う</translation>
    </message>
    <message>
        <source>Verify with the certificate of the current key</source>
        <translation>現在の鍵の証明書で検証</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Stop verifying against a certificate</source>
        <translation>証明書による検証をやめる</translation>
    </message>
    <message>
        <source>What Salesforce will say</source>
        <translation>Salesforce が返しそうな結果</translation>
    </message>
    <message>
        <source>No certificate chosen: the signature is not checked.</source>
        <translation>証明書が選ばれていないため、署名は検証していません。</translation>
    </message>
    <message>
        <source>{subject}, SHA-256 {fp}</source>
        <translation>{subject}、SHA-256 {fp}</translation>
    </message>
    <message>
        <source>RSA public key</source>
        <translation>RSA 公開鍵</translation>
    </message>
    <message>
        <source>Verifying with {source}: {detail}</source>
        <translation>{source} で検証中: {detail}</translation>
    </message>
    <message>
        <source>Certificate to verify with</source>
        <translation>検証に使う証明書</translation>
    </message>
    <message>
        <source>the certificate in Salesforce</source>
        <translation>Salesforce にある証明書</translation>
    </message>
    <message>
        <source>the current key's certificate</source>
        <translation>現在の鍵の証明書</translation>
    </message>
</context>
</TS>
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>GenerateFlow</name>
    <message>
        <source>Create a new key and certificate</source>
        <translation>新しい鍵と証明書を作成</translation>
    </message>
    <message>
        <source>Key &amp;size (bits):</source>
        <translation>鍵長 (ビット)(&amp;S):</translation>
    </message>
    <message>
        <source>Key size in bits</source>
        <translation>鍵長 (ビット)</translation>
    </message>
    <message>
        <source>2048 bits is the usual choice; Salesforce accepts 2048, 3072 and 4096.</source>
        <translation>通常は 2048 ビットで十分です。Salesforce は 2048・3072・4096 ビットを受け付けます。</translation>
    </message>
    <message>
        <source>Common &amp;name (CN):</source>
        <translation>共通名 (CN)(&amp;N):</translation>
    </message>
    <message>
        <source>Certificate common name</source>
        <translation>証明書の共通名</translation>
    </message>
    <message>
        <source>Any label that tells you later what this certificate is for.</source>
        <translation>後で何のための証明書か分かる名前なら何でも構いません。</translation>
    </message>
    <message>
        <source>&amp;Validity (days):</source>
        <translation>有効期間 (日)(&amp;V):</translation>
    </message>
    <message>
        <source>Certificate validity in days</source>
        <translation>証明書の有効期間 (日数)</translation>
    </message>
    <message>
        <source>365 days with a calendar reminder to rotate is a good default.</source>
        <translation>365 日にして、更新日をカレンダーに登録しておくのがおすすめです。</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Generate a new key and certificate</source>
        <translation>新しい鍵と証明書を生成</translation>
    </message>
    <message>
        <source>Generate a new RSA key and a self-signed certificate (Ctrl+G).</source>
        <translation>新しい RSA 鍵と自己署名証明書を生成します (Ctrl+G)。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel key generation</source>
        <translation>鍵の生成をキャンセル</translation>
    </message>
    <message>
        <source>Key generation cannot be interrupted: Cancel abandons it. The computation finishes in the background and its result is thrown away.</source>
        <translation>鍵の生成は途中で止められないため、キャンセルすると生成を見捨てます。計算はバックグラウンドで最後まで進み、その結果は破棄されます。</translation>
    </message>
    <message>
        <source>Key generation in progress</source>
        <translation>鍵を生成中</translation>
    </message>
    <message>
        <source>The common name (CN) is empty.</source>
        <translation>共通名 (CN) が空です。</translation>
    </message>
    <message>
        <source>Type a CN, e.g. acme-integration.</source>
        <translation>CN を入力してください (例: acme-integration)。</translation>
    </message>
    <message>
        <source>Generating a {bits}-bit RSA key…</source>
        <translation>{bits} ビットの RSA 鍵を生成しています…</translation>
    </message>
    <message>
        <source>Key generation cancelled. It finishes in the background; its result is discarded.</source>
        <translation>鍵の生成をキャンセルしました。計算はバックグラウンドで終わりますが、その結果は破棄されます。</translation>
    </message>
    <message>
        <source>Generated a {bits}-bit key and a self-signed certificate.</source>
        <translation>{bits} ビットの鍵と自己署名証明書を生成しました。</translation>
    </message>
    <message>
        <source>Save it to the keyring, then export the .crt and upload it to Salesforce.</source>
        <translation>キーリングに保存してから .crt をエクスポートし、Salesforce にアップロードしてください。</translation>
    </message>
    <message>
        <source>Made a self-signed certificate for the key.</source>
        <translation>鍵の自己署名証明書を作成しました。</translation>
    </message>
</context>
</TS>
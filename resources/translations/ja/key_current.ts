<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>CurrentKeyFlow</name>
    <message>
        <source>Current key</source>
        <translation>現在の鍵</translation>
    </message>
    <message>
        <source>SHA-1:</source>
        <translation>SHA-1:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Certificate SHA-1 fingerprint</source>
        <translation>証明書の SHA-1 フィンガープリント</translation>
    </message>
    <message>
        <source>Certificate SHA-256 fingerprint</source>
        <translation>証明書の SHA-256 フィンガープリント</translation>
    </message>
    <message>
        <source>Copy the SHA-1 fingerprint</source>
        <translation>SHA-1 フィンガープリントをコピー</translation>
    </message>
    <message>
        <source>Copy the SHA-256 fingerprint</source>
        <translation>SHA-256 フィンガープリントをコピー</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Make a self-signed certificate for this key</source>
        <translation>この鍵の自己署名証明書を作成</translation>
    </message>
    <message>
        <source>Uses the common name and validity from “Create a new key”.</source>
        <translation>「新しい鍵と証明書を作成」の共通名と有効期間を使います。</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>名前(&amp;M):</translation>
    </message>
    <message>
        <source>Name of the key in the keyring</source>
        <translation>キーリングに保存する鍵の名前</translation>
    </message>
    <message>
        <source>e.g. acme-prod</source>
        <translation>例: acme-prod</translation>
    </message>
    <message>
        <source>&amp;Save to keyring</source>
        <translation>キーリングに保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the key to the OS keyring</source>
        <translation>鍵を OS のキーリングに保存</translation>
    </message>
    <message>
        <source>Stores the private key in the OS keyring under this name.</source>
        <translation>秘密鍵をこの名前で OS のキーリングに保存します。</translation>
    </message>
    <message>
        <source>This key stays in its token or KMS: there is nothing to save in the keyring.</source>
        <translation>この鍵はトークンまたは KMS の中にとどまります。キーリングに保存するものはありません。</translation>
    </message>
    <message>
        <source>Save a profile to remember its reference (never the PIN).</source>
        <translation>参照を覚えておくにはプロファイルを保存してください（PIN は保存されません）。</translation>
    </message>
    <message>
        <source>There is no key to save.</source>
        <translation>保存する鍵がありません。</translation>
    </message>
    <message>
        <source>Generate or import one first.</source>
        <translation>先に鍵を生成するか読み込んでください。</translation>
    </message>
    <message>
        <source>The key needs a name.</source>
        <translation>鍵に名前を付けてください。</translation>
    </message>
    <message>
        <source>Type a name, e.g. acme-prod.</source>
        <translation>名前を入力してください (例: acme-prod)。</translation>
    </message>
    <message>
        <source>The key cannot be saved: no usable keyring.</source>
        <translation>使えるキーリングがないため、鍵を保存できません。</translation>
    </message>
    <message>
        <source>Saved “{name}” in the keyring.</source>
        <translation>「{name}」をキーリングに保存しました。</translation>
    </message>
    <message>
        <source>Not saved: the key is already stored.</source>
        <translation>保存しませんでした: この鍵はすでに保存されています。</translation>
    </message>
    <message>
        <source>No key yet. Generate a new one, import a file, or load one from the Keys tool.</source>
        <translation>まだ鍵がありません。新しく生成するか、ファイルを読み込むか、「鍵」ツールから読み込んでください。</translation>
    </message>
    <message>
        <source>RSA {bits}-bit key in {where}: it never leaves it.</source>
        <translation>{where} の中の RSA {bits} ビット鍵。鍵はそこから出ません。</translation>
    </message>
    <message>
        <source>Certificate: {subject}</source>
        <translation>証明書: {subject}</translation>
    </message>
    <message>
        <source>No certificate: make one to upload to Salesforce.</source>
        <translation>証明書がありません。Salesforce にアップロードする証明書を作成してください。</translation>
    </message>
    <message>
        <source>saved in the keyring as “{name}”</source>
        <translation>キーリングに「{name}」として保存済み</translation>
    </message>
    <message>
        <source>not saved: in memory only</source>
        <translation>未保存 (メモリ上のみ)</translation>
    </message>
    <message>
        <source>RSA {bits}-bit private key, {where}.</source>
        <translation>RSA {bits} ビットの秘密鍵、{where}。</translation>
    </message>
    <message>
        <source>The certificate does not belong to this key.</source>
        <translation>この証明書はこの鍵のものではありません。</translation>
    </message>
    <message>
        <source>the PKCS#11 token ({label})</source>
        <translation>PKCS#11 トークン（{label}）</translation>
    </message>
    <message>
        <source>AWS KMS (key {label})</source>
        <translation>AWS KMS（鍵 {label}）</translation>
    </message>
    <message>
        <source>Expired on {date}: Salesforce rejects it.</source>
        <translation>{date} に期限切れです。Salesforce はこの証明書を拒否します。</translation>
    </message>
    <message>
        <source>Expires on {date}, in {days} days: make a new key and upload its certificate soon.</source>
        <translation>{date} (あと {days} 日) で期限切れになります。早めに新しい鍵を作り、その証明書をアップロードしてください。</translation>
    </message>
    <message>
        <source>Valid until {date} ({days} days left).</source>
        <translation>{date} まで有効 (残り {days} 日)。</translation>
    </message>
</context>
</TS>
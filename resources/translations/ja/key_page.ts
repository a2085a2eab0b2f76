<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>KeyPage</name>
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
        <source>Import an existing key or certificate</source>
        <translation>既存の鍵や証明書を読み込む</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a key, certificate or keystore file</source>
        <translation>鍵・証明書・キーストアのファイルを開く</translation>
    </message>
    <message>
        <source>PEM, DER, PKCS#12 (.p12/.pfx), JKS, OpenSSH keys and certificates (Ctrl+O).</source>
        <translation>PEM、DER、PKCS#12 (.p12/.pfx)、JKS、OpenSSH の鍵と証明書に対応しています (Ctrl+O)。</translation>
    </message>
    <message>
        <source>…or drop a file anywhere on this page, or paste the text below.</source>
        <translation>…またはこのページのどこかにファイルをドロップするか、下にテキストを貼り付けてください。</translation>
    </message>
    <message>
        <source>-----BEGIN PRIVATE KEY-----
…</source>
        <translation>-----BEGIN PRIVATE KEY-----
…</translation>
    </message>
    <message>
        <source>Pasted key or certificate text</source>
        <translation>貼り付けた鍵または証明書のテキスト</translation>
    </message>
    <message>
        <source>&amp;Import pasted text</source>
        <translation>貼り付けたテキストを読み込む(&amp;I)</translation>
    </message>
    <message>
        <source>Import the pasted key or certificate</source>
        <translation>貼り付けた鍵または証明書を読み込む</translation>
    </message>
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
        <source>Check &amp;again</source>
        <translation>再確認(&amp;A)</translation>
    </message>
    <message>
        <source>Check the OS keyring again</source>
        <translation>OS のキーリングを再確認</translation>
    </message>
    <message>
        <source>After unlocking or installing a keyring, check again.</source>
        <translation>キーリングのロックを解除したり、新たにインストールしたりしたら、もう一度確認してください。</translation>
    </message>
    <message>
        <source>Setup checklist</source>
        <translation>設定チェックリスト</translation>
    </message>
    <message>
        <source>Setup checklist: Connected App or External Client App</source>
        <translation>設定チェックリスト: 接続アプリケーションまたは外部クライアントアプリケーション</translation>
    </message>
    <message>
        <source>Then press Check again.</source>
        <translation>終わったら「再確認」を押してください。</translation>
    </message>
    <message>
        <source>No keyring is configured: the key stays in memory only and is gone when you quit.</source>
        <translation>キーリングが設定されていません。鍵はメモリ上にだけあり、終了すると消えます。</translation>
    </message>
    <message>
        <source>Checking the OS keyring…</source>
        <translation>OS のキーリングを確認しています…</translation>
    </message>
    <message>
        <source>Keyring: {backend}. Saved keys are kept there, never in files.</source>
        <translation>キーリング: {backend}。保存した鍵はここに保管され、ファイルには書き出されません。</translation>
    </message>
    <message>
        <source>No usable keyring ({backend}): {message} The app still works; the key stays in memory only and nothing is written in plain text.</source>
        <translation>使えるキーリングがありません ({backend}): {message} アプリはこのまま使えます。鍵はメモリ上にだけ置かれ、平文で書き出されることはありません。</translation>
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
    <message>
        <source>Import a key or certificate</source>
        <translation>鍵または証明書を読み込む</translation>
    </message>
    <message>
        <source>Nothing to import: the paste box is empty.</source>
        <translation>貼り付け欄が空なので、読み込むものがありません。</translation>
    </message>
    <message>
        <source>Paste a PEM key or certificate.</source>
        <translation>PEM 形式の鍵または証明書を貼り付けてください。</translation>
    </message>
    <message>
        <source>the pasted text</source>
        <translation>貼り付けたテキスト</translation>
    </message>
    <message>
        <source>{source} is encrypted. Type its passphrase:</source>
        <translation>{source} は暗号化されています。パスフレーズを入力してください:</translation>
    </message>
    <message>
        <source>That passphrase does not open it. Try again.</source>
        <translation>そのパスフレーズでは開けません。もう一度入力してください。</translation>
    </message>
    <message>
        <source>Import cancelled: no passphrase given.</source>
        <translation>パスフレーズが入力されなかったため、読み込みを中止しました。</translation>
    </message>
    <message>
        <source>Import cancelled: no key chosen.</source>
        <translation>鍵が選ばれなかったため、読み込みを中止しました。</translation>
    </message>
    <message>
        <source>Imported {what} from {source} ({fmt}).</source>
        <translation>{source} から{what}を読み込みました ({fmt})。</translation>
    </message>
    <message>
        <source>Repaired: {repairs}</source>
        <translation>修復した内容: {repairs}</translation>
    </message>
    <message>
        <source>a key and its certificate</source>
        <translation>鍵と証明書</translation>
    </message>
    <message>
        <source>a private key</source>
        <translation>秘密鍵</translation>
    </message>
    <message>
        <source>a certificate</source>
        <translation>証明書</translation>
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
        <source>Exported to {path}.</source>
        <translation>{path} にエクスポートしました。</translation>
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
    <message>
        <source>No key yet. Generate a new one, import a file, or load one from the Keys tool.</source>
        <translation>まだ鍵がありません。新しく生成するか、ファイルを読み込むか、「鍵」ツールから読み込んでください。</translation>
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
        <source>Certificate: {subject}</source>
        <translation>証明書: {subject}</translation>
    </message>
    <message>
        <source>The certificate does not belong to this key.</source>
        <translation>この証明書はこの鍵のものではありません。</translation>
    </message>
    <message>
        <source>No certificate: make one to upload to Salesforce.</source>
        <translation>証明書がありません。Salesforce にアップロードする証明書を作成してください。</translation>
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
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>ImportFlow</name>
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
</context>
</TS>
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>KeysToolPage</name>
    <message>
        <source>Keys in the keyring</source>
        <translation>キーリングの鍵</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>ビット</translation>
    </message>
    <message>
        <source>Certificate SHA-256</source>
        <translation>証明書の SHA-256</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Keys stored in the OS keyring</source>
        <translation>OS のキーリングに保存された鍵</translation>
    </message>
    <message>
        <source>No keys in the keyring yet.
Generate or import one on the Key &amp; certificate page and click “Save to keyring”.</source>
        <translation>キーリングにはまだ鍵がありません。
「鍵と証明書」ページで鍵を生成または読み込み、「キーリングに保存」をクリックしてください。</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>再読み込み(&amp;F)</translation>
    </message>
    <message>
        <source>Refresh the list of keys</source>
        <translation>鍵の一覧を再読み込み</translation>
    </message>
    <message>
        <source>Read the list again (F5).</source>
        <translation>一覧を読み直します (F5)。</translation>
    </message>
    <message>
        <source>&amp;Load into session</source>
        <translation>セッションに読み込む(&amp;L)</translation>
    </message>
    <message>
        <source>Load the selected key into the session</source>
        <translation>選択した鍵をセッションに読み込む</translation>
    </message>
    <message>
        <source>Use this key for signing (double-click does the same).</source>
        <translation>この鍵で署名します (ダブルクリックでも同じです)。</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>名前を変更(&amp;R)…</translation>
    </message>
    <message>
        <source>Rename the selected key</source>
        <translation>選択した鍵の名前を変更</translation>
    </message>
    <message>
        <source>Give the key a new name (F2).</source>
        <translation>鍵に新しい名前を付けます (F2)。</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>エクスポート(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the selected key</source>
        <translation>選択した鍵をエクスポート</translation>
    </message>
    <message>
        <source>Write the certificate, PKCS#8, PKCS#12 or JKS to a file.</source>
        <translation>証明書、PKCS#8、PKCS#12、JKS をファイルに書き出します。</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>削除(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected key</source>
        <translation>選択した鍵を削除</translation>
    </message>
    <message>
        <source>Remove the key from the keyring, after a confirmation (Del).</source>
        <translation>確認のうえ、鍵をキーリングから削除します (Del)。</translation>
    </message>
    <message>
        <source>No keyring is configured.</source>
        <translation>キーリングが設定されていません。</translation>
    </message>
    <message>
        <source>No usable keyring ({backend}): {message}</source>
        <translation>使えるキーリングがありません ({backend}): {message}</translation>
    </message>
    <message>
        <source>(no certificate)</source>
        <translation>(証明書なし)</translation>
    </message>
    <message>
        <source>{date} (expired)</source>
        <translation>{date} (期限切れ)</translation>
    </message>
    <message>
        <source>{date} ({days} days)</source>
        <translation>{date} (あと {days} 日)</translation>
    </message>
    <message>
        <source>The key loaded in this session</source>
        <translation>このセッションで使っている鍵</translation>
    </message>
    <message>
        <source>Loaded “{name}” into the session.</source>
        <translation>「{name}」をセッションに読み込みました。</translation>
    </message>
    <message>
        <source>Renamed “{old}” to “{new}”.</source>
        <translation>「{old}」の名前を「{new}」に変更しました。</translation>
    </message>
    <message>
        <source>Deleted “{name}” from the keyring.</source>
        <translation>「{name}」をキーリングから削除しました。</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>{path} にエクスポートしました。</translation>
    </message>
</context>
</TS>
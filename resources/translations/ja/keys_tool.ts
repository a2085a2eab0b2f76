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
        <source>Certificate subject</source>
        <translation>証明書のサブジェクト</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>ビット</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Used by profiles</source>
        <translation>使っているプロファイル</translation>
    </message>
    <message>
        <source>Keys stored in the OS keyring</source>
        <translation>OS のキーリングに保存された鍵</translation>
    </message>
    <message>
        <source>No keys in the keyring yet.
To add one: open Key &amp; certificate (Ctrl+1), generate a key or import a file, type a name and click “Save to keyring”. Saved keys are listed here.</source>
        <translation>キーリングにはまだ鍵がありません。
追加するには「鍵と証明書」(Ctrl+1) を開き、鍵を生成するかファイルを読み込んで、名前を入力し「キーリングに保存」をクリックしてください。保存した鍵はここに表示されます。</translation>
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
        <source>Signing re&amp;quest…</source>
        <translation>署名要求(&amp;Q)…</translation>
    </message>
    <message>
        <source>Make a certificate signing request for the selected key</source>
        <translation>選択した鍵の証明書署名要求を作成</translation>
    </message>
    <message>
        <source>For a CA-signed certificate: save a .csr file to send to your certificate authority.</source>
        <translation>CA 署名の証明書が必要な場合: 認証局に送る .csr ファイルを保存します。</translation>
    </message>
    <message>
        <source>A&amp;ttach CA certificate…</source>
        <translation>CA の証明書を添付(&amp;T)…</translation>
    </message>
    <message>
        <source>Attach the certificate your CA issued to the selected key</source>
        <translation>認証局が発行した証明書を選択した鍵に添付</translation>
    </message>
    <message>
        <source>Read the certificate file your CA returned and keep it with the key.</source>
        <translation>認証局から返ってきた証明書ファイルを読み込み、鍵と一緒に保管します。</translation>
    </message>
    <message>
        <source>A deletion of this key was interrupted. Select it and press Delete to finish removing it.</source>
        <translation>この鍵の削除は途中で中断されました。選択して「削除」を押すと削除を完了します。</translation>
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
    <message>
        <source>Saved the certificate signing request to {path}.</source>
        <translation>証明書署名要求を {path} に保存しました。</translation>
    </message>
    <message>
        <source>Send it to your certificate authority, then attach the certificate it returns.</source>
        <translation>認証局に送り、返ってきた証明書を添付してください。</translation>
    </message>
    <message>
        <source>Attached the certificate “{subject}” to “{name}”.</source>
        <translation>証明書「{subject}」を「{name}」に添付しました。</translation>
    </message>
    <message>
        <source>Upload this certificate to the Salesforce app: the old one no longer matches what you send.</source>
        <translation>この証明書を Salesforce のアプリケーションにアップロードしてください。古い証明書は送信内容と合わなくなります。</translation>
    </message>
</context>
</TS>
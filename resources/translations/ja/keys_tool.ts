<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>KeysToolPage</name>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="133" />
        <source>Keys in the keyring</source>
        <translation>キーリングの鍵</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="135" />
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="135" />
        <source>Bits</source>
        <translation>ビット</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="135" />
        <source>Certificate SHA-256</source>
        <translation>証明書の SHA-256</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="135" />
        <source>Expires</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="137" />
        <source>Keys stored in the OS keyring</source>
        <translation>OS のキーリングに保存された鍵</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="140" />
        <source>No keys in the keyring yet.
Generate or import one on the Key &amp; certificate page and click “Save to keyring”.</source>
        <translation>キーリングにはまだ鍵がありません。
「鍵と証明書」ページで鍵を生成または読み込み、「キーリングに保存」をクリックしてください。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="147" />
        <source>Re&amp;fresh</source>
        <translation>再読み込み(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="148" />
        <source>Refresh the list of keys</source>
        <translation>鍵の一覧を再読み込み</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="149" />
        <source>Read the list again (F5).</source>
        <translation>一覧を読み直します (F5)。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="153" />
        <source>&amp;Load into session</source>
        <translation>セッションに読み込む(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="154" />
        <source>Load the selected key into the session</source>
        <translation>選択した鍵をセッションに読み込む</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="155" />
        <source>Use this key for signing (double-click does the same).</source>
        <translation>この鍵で署名します (ダブルクリックでも同じです)。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="159" />
        <source>&amp;Rename…</source>
        <translation>名前を変更(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="160" />
        <source>Rename the selected key</source>
        <translation>選択した鍵の名前を変更</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="161" />
        <source>Give the key a new name (F2).</source>
        <translation>鍵に新しい名前を付けます (F2)。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="165" />
        <source>E&amp;xport…</source>
        <translation>エクスポート(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="166" />
        <source>Export the selected key</source>
        <translation>選択した鍵をエクスポート</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="167" />
        <source>Write the certificate, PKCS#8, PKCS#12 or JKS to a file.</source>
        <translation>証明書、PKCS#8、PKCS#12、JKS をファイルに書き出します。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="171" />
        <source>&amp;Delete…</source>
        <translation>削除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="172" />
        <source>Delete the selected key</source>
        <translation>選択した鍵を削除</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="173" />
        <source>Remove the key from the keyring, after a confirmation (Del).</source>
        <translation>確認のうえ、鍵をキーリングから削除します (Del)。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="236" />
        <source>No keyring is configured.</source>
        <translation>キーリングが設定されていません。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="242" />
        <source>No usable keyring ({backend}): {message}</source>
        <translation>使えるキーリングがありません ({backend}): {message}</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="255" />
        <source>(no certificate)</source>
        <translation>(証明書なし)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="261" />
        <source>{date} (expired)</source>
        <translation>{date} (期限切れ)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="263" />
        <source>{date} ({days} days)</source>
        <translation>{date} (あと {days} 日)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="273" />
        <source>The key loaded in this session</source>
        <translation>このセッションで使っている鍵</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="324" />
        <source>Loaded “{name}” into the session.</source>
        <translation>「{name}」をセッションに読み込みました。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="340" />
        <source>Renamed “{old}” to “{new}”.</source>
        <translation>「{old}」の名前を「{new}」に変更しました。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="354" />
        <source>Deleted “{name}” from the keyring.</source>
        <translation>「{name}」をキーリングから削除しました。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/keys_tool.py" line="373" />
        <source>Exported to {path}.</source>
        <translation>{path} にエクスポートしました。</translation>
    </message>
</context>
</TS>
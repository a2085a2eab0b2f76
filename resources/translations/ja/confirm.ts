<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>AliasDialog</name>
    <message>
        <source>Choose a key</source>
        <translation>鍵の選択</translation>
    </message>
    <message>
        <source>{source} holds {count} private keys. Which one signs the JWT?</source>
        <translation>{source} には秘密鍵が {count} 個入っています。JWT の署名に使うのはどれですか?</translation>
    </message>
    <message>
        <source>Alias of the key to import</source>
        <translation>読み込む鍵のエイリアス</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Delete key</source>
        <translation>鍵の削除</translation>
    </message>
    <message>
        <source>Delete the key “{name}” from the keyring? This cannot be undone. Export it first if you may need it again: Salesforce keeps only the certificate, not the private key.</source>
        <translation>鍵「{name}」をキーリングから削除しますか? 元に戻せません。Salesforce にあるのは証明書だけで秘密鍵はないので、また使う可能性があるなら先にエクスポートしてください。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Replace key</source>
        <translation>鍵の置き換え</translation>
    </message>
    <message>
        <source>A key named “{name}” is already in the keyring. Replace it with this key?</source>
        <translation>「{name}」という名前の鍵がすでにキーリングにあります。この鍵で置き換えますか?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>置き換え</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <source>Rename key</source>
        <translation>鍵の名前を変更</translation>
    </message>
    <message>
        <source>New name for “{name}”:</source>
        <translation>「{name}」の新しい名前:</translation>
    </message>
    <message>
        <source>New key name</source>
        <translation>鍵の新しい名前</translation>
    </message>
</context>
</TS>
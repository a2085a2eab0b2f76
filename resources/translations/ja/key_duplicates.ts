<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>DuplicateDialog</name>
    <message>
        <source>Key already in the keyring</source>
        <translation>鍵はすでにキーリングにあります</translation>
    </message>
    <message>
        <source>This key is already in the keyring as “{existing}” (same public key). Use that entry, or save a second copy as “{name}”?</source>
        <translation>この鍵はすでに「{existing}」としてキーリングにあります(公開鍵が同じ)。そのエントリーを使いますか、それとも「{name}」として 2 つ目を保存しますか?</translation>
    </message>
    <message>
        <source>Use the existing key</source>
        <translation>既存の鍵を使う</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>それでも保存</translation>
    </message>
</context>
<context>
    <name>DuplicateFlow</name>
    <message>
        <source>This key is already in the keyring as “{name}”.</source>
        <translation>この鍵はすでに「{name}」としてキーリングにあります。</translation>
    </message>
    <message>
        <source>Saving it again makes a second entry for the same key; load “{name}” instead.</source>
        <translation>もう一度保存すると同じ鍵のエントリーが 2 つになります。代わりに「{name}」を読み込んでください。</translation>
    </message>
    <message>
        <source>Using “{name}” from the keyring.</source>
        <translation>キーリングの「{name}」を使っています。</translation>
    </message>
</context>
</TS>
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>KeyPage</name>
    <message>
        <source>Key &amp; certificate</source>
        <extracomment>What the window and the tests reach through the page; each lives in one workflow.</extracomment>
        <translation>鍵と証明書</translation>
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
        <source>Stores the private key in the OS keyring under this name.</source>
        <translation>秘密鍵をこの名前で OS のキーリングに保存します。</translation>
    </message>
    <message>
        <source>There is no key to save yet: generate or import one first.</source>
        <translation>保存する鍵がまだありません。先に生成するか読み込んでください。</translation>
    </message>
    <message>
        <source>This key stays in its token or KMS: save a profile to remember its reference.</source>
        <translation>この鍵はトークンまたは KMS の中にとどまります。参照を覚えておくにはプロファイルを保存してください。</translation>
    </message>
    <message>
        <source>Checking the OS keyring…</source>
        <translation>OS のキーリングを確認しています…</translation>
    </message>
</context>
</TS>
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>KeysTable</name>
    <message>
        <source>The key loaded in this session</source>
        <translation>このセッションで使っている鍵</translation>
    </message>
    <message>
        <source>(no certificate)</source>
        <translation>(証明書なし)</translation>
    </message>
    <message>
        <source>Certificate SHA-256</source>
        <translation>証明書の SHA-256</translation>
    </message>
    <message>
        <source>Public key SHA-256</source>
        <translation>公開鍵の SHA-256</translation>
    </message>
    <message>
        <source>Deletion incomplete: delete it again</source>
        <translation>削除が途中で止まっています。もう一度削除してください</translation>
    </message>
    <message>
        <source>A deletion of this key was interrupted. Select it and press Delete to finish removing it.</source>
        <translation>この鍵の削除は途中で中断されました。選択して「削除」を押すと削除を完了します。</translation>
    </message>
    <message>
        <source>{date} (expired)</source>
        <translation>{date} (期限切れ)</translation>
    </message>
    <message>
        <source>{date} ({days} days left)</source>
        <translation>{date}(残り {days} 日)</translation>
    </message>
</context>
</TS>
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>MainWindow</name>
    <message>
        <source>Key &amp; certificate</source>
        <translation>鍵と証明書</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>クレーム</translation>
    </message>
    <message>
        <source>Signed JWT</source>
        <translation>署名済み JWT</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>診断</translation>
    </message>
    <message>
        <source>Decode a JWT</source>
        <translation>JWT をデコード</translation>
    </message>
    <message>
        <source>Explain an error</source>
        <translation>エラーを解説</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>鍵の一覧</translation>
    </message>
    <message>
        <source>Org inspector</source>
        <translation>組織インスペクター</translation>
    </message>
</context>
</TS>
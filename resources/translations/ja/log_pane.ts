<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>LogDock</name>
    <message>
        <source>Log (secrets are masked)</source>
        <translation>ログ(秘密情報は伏せ字)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Clear the log</source>
        <translation>ログをクリア</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>ログ</translation>
    </message>
</context>
</TS>
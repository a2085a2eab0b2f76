<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>PinDialog</name>
    <message>
        <source>Token PIN</source>
        <translation>トークンの PIN</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>PIN(&amp;P):</translation>
    </message>
    <message>
        <source>Show the PIN characters</source>
        <translation>PIN の文字を表示</translation>
    </message>
</context>
</TS>
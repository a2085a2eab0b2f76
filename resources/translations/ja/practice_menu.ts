<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>MainWindow</name>
    <message>
        <source>Scenario “{name}” is set. Press Send (Ctrl+Enter) to see what Salesforce answers.</source>
        <translation>シナリオ「{name}」に切り替えました。送信 (Ctrl+Enter) を押すと Salesforce の応答を確認できます。</translation>
    </message>
    <message>
        <source>Practice org</source>
        <translation>練習用組織</translation>
    </message>
    <message>
        <source>Practice org: {url} — scenario {name}</source>
        <translation>練習用組織: {url} — シナリオ {name}</translation>
    </message>
</context>
</TS>
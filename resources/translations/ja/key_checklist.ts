<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>ChecklistFlow</name>
    <message>
        <source>Setup checklist</source>
        <translation>設定チェックリスト</translation>
    </message>
    <message>
        <source>Setup checklist: Connected App or External Client App</source>
        <translation>設定チェックリスト: 接続アプリケーションまたは外部クライアントアプリケーション</translation>
    </message>
</context>
</TS>
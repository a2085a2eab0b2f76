<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>PracticeController</name>
    <message>
        <source>Starting the practice org…</source>
        <translation>練習用組織を起動しています…</translation>
    </message>
    <message>
        <source>Practice org running: the connection is filled in. Press Ctrl+Enter to send.</source>
        <translation>練習用組織が起動しました。接続情報は入力済みです。Ctrl+Enter で送信できます。</translation>
    </message>
    <message>
        <source>The practice org did not start: {error}</source>
        <translation>練習用組織を起動できませんでした: {error}</translation>
    </message>
    <message>
        <source>Practice scenario: {name}</source>
        <translation>練習シナリオ: {name}</translation>
    </message>
    <message>
        <source>The new certificate was uploaded to the practice org.</source>
        <translation>新しい証明書を練習用組織にアップロードしました。</translation>
    </message>
</context>
</TS>
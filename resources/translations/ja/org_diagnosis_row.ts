<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>OrgDiagnosisRow</name>
    <message>
        <source>Admin connection: none chosen yet.</source>
        <translation>管理者接続: まだ選ばれていません。</translation>
    </message>
    <message>
        <source>Admin connection: {source} — {where}</source>
        <translation>管理者接続: {source} — {where}</translation>
    </message>
    <message>
        <source>practice org admin token</source>
        <translation>練習用組織の管理者トークン</translation>
    </message>
    <message>
        <source>this session's token</source>
        <translation>このセッションのトークン</translation>
    </message>
    <message>
        <source>Salesforce CLI</source>
        <translation>Salesforce CLI</translation>
    </message>
    <message>
        <source>pasted token</source>
        <translation>貼り付けたトークン</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>変更…</translation>
    </message>
    <message>
        <source>Choose the admin connection</source>
        <translation>管理者接続を選ぶ</translation>
    </message>
</context>
</TS>
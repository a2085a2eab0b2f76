<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>OrgCheckBar</name>
    <message>
        <source>Check in the &amp;org</source>
        <translation>組織で確認(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Inspect the org</source>
        <translation>組織を検査(&amp;I)</translation>
    </message>
    <message>
        <source>Fill the consumer key and the username first (Connection step).</source>
        <translation>先にコンシューマー鍵とユーザー名を入力してください (「接続」ステップ)。</translation>
    </message>
    <message>
        <source>Choose an admin connection first.</source>
        <translation>先に管理者接続を選んでください。</translation>
    </message>
    <message>
        <source>Reading the org at {where}…</source>
        <translation>{where} の組織を読み取っています…</translation>
    </message>
    <message>
        <source>The org answered ({count} requests to {where}).</source>
        <translation>組織が応答しました ({where} への要求 {count} 件)。</translation>
    </message>
    <message>
        <source>Inspection cancelled.</source>
        <translation>検査をキャンセルしました。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel the inspection</source>
        <translation>検査をキャンセル</translation>
    </message>
    <message>
        <source>Inspection status</source>
        <translation>検査の状況</translation>
    </message>
</context>
</TS>
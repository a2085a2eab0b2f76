<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>OrgCheckView</name>
    <message>
        <source>{url}: {problems} problem(s), {could_not} could not be checked, {requests} request(s).</source>
        <translation>{url}: 問題 {problems} 件、確認できず {could_not} 件、要求 {requests} 件。</translation>
    </message>
    <message>
        <source>No inspection yet. Choose an admin connection and press “Inspect the org”: the inspector reads the app, the user, the org and its Login History (read-only, at most 10 requests) and checks each against your settings.</source>
        <translation>まだ検査していません。管理者接続を選んで「組織を検査」を押してください。インスペクターはアプリケーション、ユーザー、組織、ログイン履歴を読み取り (読み取りのみ、最大 10 要求)、それぞれをあなたの設定と照合します。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>確認項目</translation>
    </message>
    <message>
        <source>What the org says</source>
        <translation>組織の回答</translation>
    </message>
    <message>
        <source>Org checks and best practices</source>
        <translation>組織の確認とベストプラクティス</translation>
    </message>
    <message>
        <source>The record that decided the selected check</source>
        <translation>選択した確認の決め手になったレコード</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>レポートをコピー</translation>
    </message>
    <message>
        <source>Copy JSON</source>
        <translation>JSON をコピー</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
</context>
</TS>
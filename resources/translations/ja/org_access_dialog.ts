<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>OrgAccessDialog</name>
    <message>
        <source>Admin connection for the org inspector</source>
        <translation>組織インスペクターの管理者接続</translation>
    </message>
    <message>
        <source>The inspector needs the access token of a user who can view Setup. It only reads, and the token stays in memory for this session: it is never saved.</source>
        <translation>インスペクターには「設定」を参照できるユーザーのアクセストークンが必要です。読み取りのみを行い、トークンはこのセッションの間メモリーにだけ保持され、保存されることはありません。</translation>
    </message>
</context>
</TS>
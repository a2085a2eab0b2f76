<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>OrgInspectorPage</name>
    <message>
        <source>The practice org answered in scenario “{then}”; it is now “{now}”: inspect again.</source>
        <translation>練習用組織はシナリオ「{then}」のときに応答しました。現在は「{now}」です。もう一度検査してください。</translation>
    </message>
    <message>
        <source>Fill the consumer key and the username on the Connection step: the inspector checks that app and that user.</source>
        <translation>「接続」ステップでコンシューマー鍵とユーザー名を入力してください。インスペクターはそのアプリケーションとユーザーを確認します。</translation>
    </message>
    <message>
        <source>Checks the app with consumer key {iss} and the user {sub} (audience {aud}).</source>
        <translation>コンシューマー鍵 {iss} のアプリケーションとユーザー {sub} (audience {aud}) を確認します。</translation>
    </message>
    <message>
        <source>Org inspector</source>
        <translation>組織インスペクター</translation>
    </message>
    <message>
        <source>Asks Salesforce itself: is the app there and set for JWT, is this user allowed to use it, is the uploaded certificate the one your key belongs to, what did Login History record. Read-only; the admin token stays in memory.</source>
        <translation>Salesforce 自身に問い合わせます: アプリケーションは存在し JWT 用に設定されているか、このユーザーは使用を許可されているか、アップロード済みの証明書はお使いの鍵のものか、ログイン履歴に何が記録されたか。読み取りのみで、管理者トークンはメモリーにだけ保持されます。</translation>
    </message>
    <message>
        <source>Admin connection</source>
        <translation>管理者接続</translation>
    </message>
</context>
</TS>
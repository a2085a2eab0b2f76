<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>SendPage</name>
    <message>
        <source>There is no signed JWT to send: add a key and fill the connection first.</source>
        <translation>送信する署名済み JWT がありません。先に鍵を用意し、接続を入力してください。</translation>
    </message>
    <message>
        <source>Sending to {url}…</source>
        <translation>{url} に送信しています…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <source>The request could not be made: {error}</source>
        <translation>リクエストを実行できませんでした: {error}</translation>
    </message>
    <message>
        <source>Salesforce issued an access token.</source>
        <translation>Salesforce がアクセストークンを発行しました。</translation>
    </message>
    <message>
        <source>Cancelled: nothing more will be sent.</source>
        <translation>キャンセルしました。これ以上は送信しません。</translation>
    </message>
    <message>
        <source>Refused: {what}. See the Diagnosis page.</source>
        <translation>拒否されました: {what}。「診断」ページを確認してください。</translation>
    </message>
    <message>
        <source>No server time (no answer with a Date header).</source>
        <translation>サーバー時刻なし(Date ヘッダー付きの応答がありません)。</translation>
    </message>
    <message>
        <source>Server time: {date}</source>
        <translation>サーバー時刻: {date}</translation>
    </message>
    <message>
        <source>clock offset {offset} ± {uncertainty} s (server minus this machine)</source>
        <translation>時計のずれ {offset} ± {uncertainty} 秒(サーバー − この端末)</translation>
    </message>
    <message>
        <source>clock offset {offset} s (server minus this machine)</source>
        <translation>時計のずれ {offset} 秒(サーバー − この端末)</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Access token copied. It is a password: paste it only where it belongs.</source>
        <translation>アクセストークンをコピーしました。パスワードと同じ扱いです。必要な場所以外には貼り付けないでください。</translation>
    </message>
    <message>
        <source>Calling the API…</source>
        <translation>API を呼び出しています…</translation>
    </message>
    <message>
        <source>Works: logged in as {user}; API versions … {versions}</source>
        <translation>成功: {user} としてログイン済み。API バージョン … {versions}</translation>
    </message>
    <message>
        <source>The API call failed: {error}</source>
        <translation>API 呼び出しに失敗しました: {error}</translation>
    </message>
    <message>
        <source>No endpoint yet: fill the Connection page.</source>
        <translation>エンドポイントが未設定です。「接続」ページを入力してください。</translation>
    </message>
    <message>
        <source>trusting {ca}</source>
        <translation>信頼する CA: {ca}</translation>
    </message>
    <message>
        <source>trust: {trust}</source>
        <translation>信頼: {trust}</translation>
    </message>
    <message>
        <source>All filled in for the practice org: press Send (Ctrl+Enter).</source>
        <translation>練習用組織への接続情報はすべて入力済みです。送信 (Ctrl+Enter) を押してください。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>送信 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Move iat/exp to now before sending</source>
        <translation>送信前に iat/exp を現在時刻に合わせる</translation>
    </message>
    <message>
        <source>Access granted</source>
        <translation>アクセス許可</translation>
    </message>
    <message>
        <source>Instance URL:</source>
        <translation>インスタンス URL:</translation>
    </message>
    <message>
        <source>Org id:</source>
        <translation>組織 ID:</translation>
    </message>
    <message>
        <source>User id:</source>
        <translation>ユーザー ID:</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>スコープ:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>アクセストークン:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Test API access</source>
        <translation>API アクセスを試す</translation>
    </message>
    <message>
        <source>Transcript (secrets masked)</source>
        <translation>通信記録(秘密情報は伏せ字)</translation>
    </message>
    <message>
        <source>Send the token request</source>
        <translation>トークン要求を送信</translation>
    </message>
    <message>
        <source>Cancel the request</source>
        <translation>リクエストをキャンセル</translation>
    </message>
    <message>
        <source>Move iat and exp to now before sending</source>
        <translation>送信前に iat と exp を現在時刻に合わせる</translation>
    </message>
    <message>
        <source>Request in progress</source>
        <translation>リクエスト実行中</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>アクセストークン</translation>
    </message>
    <message>
        <source>Reveal or hide the access token</source>
        <translation>アクセストークンの表示/非表示</translation>
    </message>
    <message>
        <source>Copy the access token</source>
        <translation>アクセストークンをコピー</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>通信記録</translation>
    </message>
</context>
</TS>